import { graphql } from './gql';

export const MY_PAGE = graphql(`
  query CitizenPage {
    me {
      person {
        personalNumber
        statuses {
          source
          reference
          title
          state
          label
          updatedAt
          dueDate
          nextStep
        }
        sources {
          plugin
          department
          state
          asOf
        }
        cases {
          id
          reference
          status
          channel
          createdAt
          dueText
          wakeDate
          category {
            name
          }
          answerGroup {
            name
          }
          events {
            type
            at
            citizenHeadline
            message
          }
        }
      }
      accessHistory {
        at
        role
        sources
        fieldGroups
        purpose
      }
      notificationPreference {
        channel
        email
      }
    }
    questionCategories {
      key
      name
      description
      answerGroupName
    }
  }
`);

export const ASK = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      reference
      caseId
      categoryName
      answerGroupName
      answerByText
    }
  }
`);

export const SET_PREFERENCE = graphql(`
  mutation SetNotificationPreference($channel: NotificationChannel!, $email: String) {
    setNotificationPreference(channel: $channel, email: $email) {
      channel
      email
    }
  }
`);

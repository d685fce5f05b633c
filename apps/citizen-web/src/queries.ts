import { graphql } from './gql';

export const ACCESS_LOG_PAGE = graphql(`
  fragment AccessLogPage on AccessLogConnection {
    groups {
      day
      readerKind
      reader
      things
      reads
      purposes
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

/** The next page of "Vem har läst dina uppgifter" ("Visa fler"). */
export const MORE_ACCESS_LOG = graphql(`
  query MoreAccessLog($first: Int!, $after: String!) {
    me {
      accessLog(first: $first, after: $after) {
        ...AccessLogPage
      }
    }
  }
`);

export const MY_PAGE = graphql(`
  query CitizenPage($accessPage: Int!) {
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
          action {
            label
            url
          }
          payment {
            ocr
            bankgiro
            amountOre
          }
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
      accessLog(first: $accessPage) {
        ...AccessLogPage
      }
      notificationPreference {
        channel
        email
        phone
      }
      callbacks {
        id
        number
        statusText
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
  mutation SetNotificationPreference($channel: NotificationChannel!, $email: String, $phone: String) {
    setNotificationPreference(channel: $channel, email: $email, phone: $phone) {
      channel
      email
      phone
    }
  }
`);

const POWER = graphql(`
  fragment PowerShown on PowerOfAttorneyInfo {
    id
    principalPersonalNumber
    agentPersonalNumber
    departments
    allOpenDepartments
    validFrom
    validTo
    state
  }
`);

/** Whom the citizen may read for (children in custody, powers received) and the powers given. Its own query: the register down leaves the rest of the page. */
export const REPRESENTATION = graphql(`
  query CitizenRepresentation {
    me {
      childrenInCustody {
        personalNumber
        birthDate
      }
      powersGiven {
        ...PowerShown
      }
      powersReceived {
        ...PowerShown
      }
    }
  }
`);

/** The matters of someone the citizen reads for (the hub decides on this very read). */
export const ON_BEHALF = graphql(`
  query OnBehalfMatters($personalNumber: String!) {
    person(personalNumber: $personalNumber) {
      personalNumber
      protectedIdentity
      statuses {
        source
        reference
        title
        state
        label
        updatedAt
        dueDate
        nextStep
        action {
          label
          url
        }
        payment {
          ocr
          bankgiro
          amountOre
        }
      }
      sources {
        plugin
        department
        state
        asOf
        reason
      }
    }
  }
`);

export { POWER };

export const REQUEST_CALLBACK = graphql(`
  mutation RequestCallback($input: RequestCallbackInput!) {
    requestCallback(input: $input) {
      id
      number
      statusText
    }
  }
`);

/** A guardian's sick report for her child (the hub checks custody before the school is asked). */
export const REPORT_PUPIL_SICK = graphql(`
  mutation ReportPupilSick($key: String!, $input: PupilSickReportInput!) {
    reportPupilSick(idempotencyKey: $key, input: $input) {
      registered
      label
      absence {
        absenceId
        date
        partOfDayLabel
      }
    }
  }
`);

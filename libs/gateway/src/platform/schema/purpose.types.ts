import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@InputType({
  description:
    'Why a person is looked up or a department acted on: a purpose from `purposeReasons`, free text beside it, and the case or call it is for. Written on the audit row.',
})
export class PurposeInput {
  @Field({ description: 'The key of a purpose from `purposeReasons`, e.g. "samtal".' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Free text beside the purpose (at most 200 characters); required where the purpose says so.',
  })
  text?: string | null;

  @Field(() => ID, { nullable: true, description: 'The case the read is for (must exist).' })
  caseId?: string | null;

  @Field(() => String, { nullable: true, description: 'The call the read is for (must exist).' })
  callId?: string | null;
}

@ObjectType({
  description: 'A purpose staff may give for a lookup, as the municipality has configured them.',
})
export class PurposeReasonOption {
  @Field()
  key!: string;

  @Field({ description: 'In Swedish, as the console shows it.' })
  label!: string;

  @Field({ description: 'Whether free text must be written beside it (e.g. "Annat").' })
  needsText!: boolean;
}

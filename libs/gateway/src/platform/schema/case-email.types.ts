import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum EmailDirection {
  IN = 'IN',
  OUT = 'OUT',
}
registerEnumType(EmailDirection, {
  name: 'EmailDirection',
  description: 'IN: from the citizen to the contact address; OUT: from the hub to the citizen.',
});

@ObjectType({ description: 'A file that came with a mail: stored, or refused with the reason.' })
export class CaseEmailAttachment {
  @Field(() => ID) id!: string;
  @Field() filename!: string;
  @Field({ description: 'The type its content shows (sniffed), not the one its name claims.' })
  contentType!: string;
  @Field(() => Int, { description: 'Bytes.' }) size!: number;
  @Field(() => String, {
    nullable: true,
    description: 'EXECUTABLE or TOO_LARGE when refused (not stored); null when stored.',
  })
  refusedBecause!: string | null;
}

@ObjectType({ description: 'One e-mail of the case’s thread, in or out (decision 0080).' })
export class CaseEmail {
  @Field(() => ID) id!: string;
  @Field(() => EmailDirection) direction!: EmailDirection;
  @Field({
    description: 'IN: NEW_CASE, JOINED_CASE, AUTO_REPLY, BOUNCE or LOOP; OUT: ACKNOWLEDGEMENT or ANSWER.',
  })
  disposition!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Why no acknowledgement went out: AUTO_REPLY, BOUNCE, LOOP or RATE_LIMIT.',
  })
  notAnsweredBecause!: string | null;
  @Field() from!: string;
  @Field() to!: string;
  @Field() subject!: string;
  @Field({ description: 'The plain text (HTML turned into text; nothing it linked to was fetched).' })
  text!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => [CaseEmailAttachment]) attachments!: CaseEmailAttachment[];
}

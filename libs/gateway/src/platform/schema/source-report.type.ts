import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SourceState {
  /** Answered now, or within the plugin's cache time. */
  OK = 'OK',
  /** The department failed just now; this is its last good answer, from `asOf`. */
  STALE = 'STALE',
  /** No answer and nothing recent to show: see the error entry with the same plugin. */
  FAILED = 'FAILED',
  /** Not asked: the reader has no mandate in this department. */
  WITHHELD = 'WITHHELD',
}
registerEnumType(SourceState, {
  name: 'SourceState',
  description: 'How a department system’s part of an answer was obtained.',
});

@ObjectType({
  description:
    'How one department system answered for this person: lets a client mark stale or missing parts.',
})
export class SourceReport {
  @Field() plugin!: string;
  @Field() department!: string;
  @Field(() => SourceState) state!: SourceState;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the department gave the answer shown.',
  })
  asOf?: Date;
  @Field({
    nullable: true,
    description: 'SOURCE_UNAVAILABLE or SOURCE_INVALID_RESPONSE when the latest call failed.',
  })
  errorCode?: string;
  @Field({
    nullable: true,
    description: 'Why the latest call failed, or why the part is withheld, in words an agent may read.',
  })
  reason?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Why a secrecy department is withheld despite the mandate: PROTECTED_IDENTITY (the reader is not cleared), CALLER_NOT_IDENTIFIED (identify the caller with BankID first: startCallerIdentification), or CLOSED_TO_REPRESENTATIVES (read on a guardian’s custody or a power, and the department keeps the matters from them, e.g. sekretess mot vårdnadshavare; the reason says where to refer).',
  })
  withheldFor?: string;
}

import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PowerOfAttorneyState {
  ACTIVE = 'ACTIVE',
  NOT_YET_VALID = 'NOT_YET_VALID',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(PowerOfAttorneyState, {
  name: 'PowerOfAttorneyState',
  description:
    'Whether a power of attorney holds today (Europe/Stockholm): in force, not yet, ended, revoked.',
});

export enum RepresentationKind {
  GUARDIAN = 'GUARDIAN',
  POWER_OF_ATTORNEY = 'POWER_OF_ATTORNEY',
}
registerEnumType(RepresentationKind, {
  name: 'RepresentationKind',
  description:
    'The ground of a representation: custody of a minor (vårdnadshavare) or a power of attorney (fullmakt).',
});

@ObjectType({
  description: 'A power of attorney (fullmakt): the principal lets the agent (ombud) read their matters.',
})
export class PowerOfAttorneyInfo {
  @Field(() => ID) id!: string;
  @Field({ description: 'Fullmaktsgivare, 12 digits.' }) principalPersonalNumber!: string;
  @Field({ description: 'Ombud, 12 digits.' }) agentPersonalNumber!: string;
  @Field(() => [String], {
    description: 'The departments named (a secrecy department is reached only when named).',
  })
  departments!: string[];
  @Field({ description: 'Also every department not under secrecy.' }) allOpenDepartments!: boolean;
  @Field({ description: 'First day in force, YYYY-MM-DD.' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Last day in force, YYYY-MM-DD; null until revoked.' })
  validTo!: string | null;
  @Field(() => PowerOfAttorneyState) state!: PowerOfAttorneyState;
  @Field(() => String, {
    nullable: true,
    description: 'The staff member who registered it (null for citizens).',
  })
  registeredBy!: string | null;
  @Field(() => GraphQLISODateTime) registeredAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The staff member who revoked it (null for citizens).',
  })
  revokedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType({ description: 'One representation: the other person and on what ground.' })
export class RepresentationInfo {
  @Field({ description: 'The other person, 12 digits.' }) personalNumber!: string;
  @Field(() => RepresentationKind) kind!: RepresentationKind;
  @Field(() => PowerOfAttorneyInfo, { nullable: true, description: 'The power, for POWER_OF_ATTORNEY.' })
  power!: PowerOfAttorneyInfo | null;
}

@ObjectType({ description: 'A minor child in the signed-in citizen’s custody, per the population register.' })
export class ChildInCustody {
  @Field({ description: '12 digits.' }) personalNumber!: string;
  @Field({ description: 'Birth date, YYYY-MM-DD.' }) birthDate!: string;
}

@InputType({ description: 'A power of attorney (fullmakt) to register, from the signed document.' })
export class RegisterPowerOfAttorneyInput {
  @Field({ description: 'Fullmaktsgivare: 10 or 12 digits.' }) principalPersonalNumber!: string;
  @Field({ description: 'Ombud: 10 or 12 digits.' }) agentPersonalNumber!: string;
  @Field(() => [String], { defaultValue: [], description: 'Departments by name.' }) departments!: string[];
  @Field({ defaultValue: false, description: 'Every department not under secrecy (those must be named).' })
  allOpenDepartments!: boolean;
  @Field({ description: 'First day in force, YYYY-MM-DD.' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'Last day in force, YYYY-MM-DD; none: until revoked.' })
  validTo?: string | null;
}

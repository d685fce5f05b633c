import { Field, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A remark (anmärkning) in a sweep or inspection protocol.' })
export class ChimneySweepRemark {
  @Field({ description: 'The register’s code for the remark.' }) code!: string;
  @Field({ description: 'Swedish, as the sweep wrote it.' }) text!: string;
  @Field(() => CalendarDate, { nullable: true, description: 'Fix by this date.' }) fixBy!: string | null;
}

@ObjectType({ description: 'The last protocol of a sweep or a fire-safety inspection.' })
export class ChimneySweepProtocol {
  @Field() protocolId!: string;
  @Field({ description: 'Swedish: Sotning or Brandskyddskontroll.' }) kindLabel!: string;
  @Field(() => CalendarDate) performedOn!: string;
  @Field({ description: 'The register’s result code.' }) resultCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish, e.g. Anmärkning, åtgärd krävs.' }) resultLabel!: string;
  @Field(() => [ChimneySweepRemark]) remarks!: ChimneySweepRemark[];
}

@ObjectType({ description: 'A fireplace or boiler with its chimney, and when the sweep comes next.' })
export class ChimneySweepInstallation {
  @Field({ description: 'Blanked for protected identity.' }) installationId!: string;
  @Field({ description: 'Swedish, e.g. Braskamin.' }) kindLabel!: string;
  @Field(() => String, { nullable: true, description: 'Swedish: Sotning or Brandskyddskontroll.' })
  nextVisitLabel!: string | null;
  @Field(() => CalendarDate, { nullable: true }) nextVisitOn!: string | null;
  @Field(() => ChimneySweepProtocol, { nullable: true }) lastProtocol!: ChimneySweepProtocol | null;
}

@ObjectType({ description: 'A property’s fireplaces and the sweep contractor.' })
export class ChimneySweepProperty {
  @Field({ description: 'Fastighetsbeteckning (blanked for protected identity).' }) designation!: string;
  @Field({ description: 'Street address (blanked for protected identity).' }) street!: string;
  @Field({ description: 'The sweep contractor (sotningsentreprenör).' }) contractorName!: string;
  @Field({ description: 'The contractor’s phone, to rebook a visit.' }) contractorPhone!: string;
  @Field(() => [ChimneySweepInstallation]) installations!: ChimneySweepInstallation[];
}

@ObjectType({ description: 'Sotning och brandskyddskontroll: the person’s properties’ fireplaces.' })
export class ChimneySweep {
  @Field(() => [ChimneySweepProperty]) properties!: ChimneySweepProperty[];
}

import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A department system connected through a plugin.' })
export class PluginInfo {
  @Field() id!: string;
  @Field({ description: 'The department, in Swedish.' }) department!: string;
  @Field() version!: string;
}

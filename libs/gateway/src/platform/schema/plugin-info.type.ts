import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A department system connected through a plugin.' })
export class PluginInfo {
  @Field() id!: string;
  @Field({ description: 'The department, in Swedish.' }) department!: string;
  @Field() version!: string;
  @Field({
    description:
      'How secret the department is, as its plugin declares it: open, personal, or secrecy (closed until an approved grant names it).',
  })
  secrecy!: string;
  @Field(() => String, { nullable: true, description: 'The statute that makes it secret, e.g. "OSL 26:1".' })
  statute!: string | null;
}

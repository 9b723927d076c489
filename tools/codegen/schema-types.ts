import { codegen } from '@graphql-codegen/core';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptResolvers from '@graphql-codegen/typescript-resolvers';
import { parse } from 'graphql';

/**
 * TypeScript generated from schema/schema.graphql by GraphQL Code Generator (The Guild's
 * typescript and typescript-resolvers plugins, run through @graphql-codegen/core without its
 * CLI): the schema's enums as values for the data model, and the resolver and argument types
 * for src/graph/. The SDL stays the one place the API is written; nothing copies it by hand.
 */
const BANNER = '// Generated from schema/schema.graphql by scripts/generate-from-schema.ts. Do not edit.\n';

/** The enums (DatePrecision, EventStatus, PlaceKind, ...) as `as const` objects: src/model/. */
export async function enumsModule(sdl: string): Promise<string> {
  const output = await codegen({
    schema: parse(sdl),
    documents: [],
    filename: 'schema-enums.gen.ts',
    plugins: [{ typescript: { onlyEnums: true, enumsAsConst: true, namingConvention: { enumValues: 'keep' } } }],
    pluginMap: { typescript },
    config: {},
  });
  return BANNER + output;
}

/**
 * Resolver and argument types: src/graph/. Parents are what resolvers pass on (mappers):
 * refs or documents for entities, cards or documents for articles; enums are the model's.
 */
export async function resolverTypesModule(sdl: string): Promise<string> {
  const entity = './resolvers/refs#EntityParent';
  const output = await codegen({
    schema: parse(sdl),
    documents: [],
    filename: 'resolver-types.gen.ts',
    plugins: [{ typescript: {} }, { typescriptResolvers: {} }],
    pluginMap: { typescript, typescriptResolvers },
    config: {
      useTypeImports: true,
      enumsAsTypes: true,
      namingConvention: { enumValues: 'keep' },
      contextType: './context#GraphContext',
      // The DateTime scalar's internal value is its UTC text (src/graph/date-time-scalar.ts).
      scalars: { DateTime: 'string' },
      mappers: {
        Article: './resolvers/refs#ArticleParent',
        Person: entity,
        Event: entity,
        Place: entity,
        Organization: entity,
        Change: './resolvers/refs#ChangeParent',
        // Ingested articles' authors and translations hold slugs where the schema has objects;
        // an author is a byline or the record of its page.
        Author: './resolvers/refs#AuthorParent',
        Translation: '../model/documents#TranslationDoc',
        // A listing's entry, or (for Subject) an article's own subject.
        Section: '../model/topic-listing#TopicEntry',
        Subject: './resolvers/refs#SubjectParent',
        // Body blocks are made whole by src/model/body-blocks.ts: the default resolvers read them.
        ParagraphBlock: '../model/body-blocks#ParagraphValue',
        HeadingBlock: '../model/body-blocks#HeadingValue',
        QuoteBlock: '../model/body-blocks#QuoteValue',
        ListBlock: '../model/body-blocks#ListValue',
        ListItem: '../model/body-blocks#TextValue',
        ImageBlock: '../model/body-blocks#ImageValue',
        EmbedBlock: '../model/body-blocks#EmbedValue',
        TableBlock: '../model/body-blocks#TableValue',
        TableRow: '../model/body-blocks#TableRowValue',
        Span: '../model/body-blocks#SpanValue',
      },
    },
  });
  return BANNER + output;
}

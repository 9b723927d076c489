import { getNamedType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * The parts of a schema an operation touches, as schema coordinates (GraphQL spec, "Schema
 * Coordinates"): the types it names or reaches (`Article`), the fields it selects
 * (`Article.headline`), the arguments it passes (`Query.article(slug:)`), the enum values it
 * writes (`Language.HI`) and the directives it uses (`@defer`). Read against the schema the
 * operation was built on (the released one).
 */
export function usedCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const type = typeInfo.getType();
        if (parent) used.add(`${parent.name}.${node.name.value}`).add(parent.name);
        if (type) used.add(getNamedType(type).name);
      },
      Directive(node) {
        used.add(`@${node.name.value}`);
      },
      Argument(node) {
        const directive = typeInfo.getDirective();
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (directive) used.add(`@${directive.name}(${node.name.value}:)`);
        else if (field && parent) used.add(`${parent.name}.${field.name}(${node.name.value}:)`);
        const type = typeInfo.getInputType();
        if (type) used.add(getNamedType(type).name);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        if (parent) used.add(`${getNamedType(parent).name}.${node.name.value}`);
      },
      EnumValue(node) {
        const type = typeInfo.getInputType();
        if (type) used.add(`${getNamedType(type).name}.${node.value}`);
      },
      NamedType(node) {
        used.add(node.name.value);
      },
    }),
  );
  return used;
}

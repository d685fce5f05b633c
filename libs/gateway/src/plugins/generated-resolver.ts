/**
 * Helpers to build NestJS resolver classes at run time for what plugins declare.
 * NestJS keys resolvers by class and method name, so each generated method is named
 * after its GraphQL field; constructor injection is declared explicitly because
 * there is no compiled decorator metadata for a class made at run time.
 */
export function generatedResolverClass(
  name: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  inject: Function[] = [],
): new (...args: never[]) => Record<string, unknown> {
  const Generated = class {
    constructor(...deps: unknown[]) {
      Object.assign(this, { deps });
    }
  };
  Object.defineProperty(Generated, 'name', { value: name });
  Reflect.defineMetadata('design:paramtypes', inject, Generated);
  return Generated as never;
}

/**
 * Defines a resolver method. `parameterCount` gives it the `design:paramtypes` metadata
 * the compiler would have emitted, which NestJS's parameter decorators read.
 */
export function defineResolverMethod(
  target: object,
  method: string,
  implementation: (...args: never[]) => unknown,
  parameterCount: number,
): PropertyDescriptor {
  Object.defineProperty(target, method, { value: implementation, writable: false, configurable: false });
  Reflect.defineMetadata(
    'design:paramtypes',
    Array.from({ length: parameterCount }, () => Object),
    target,
    method,
  );
  Reflect.defineMetadata('design:returntype', Promise, target, method);
  return Object.getOwnPropertyDescriptor(target, method)!;
}

export function depsOf(instance: unknown): unknown[] {
  return (instance as { deps: unknown[] }).deps;
}

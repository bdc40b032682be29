import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/** A nested payload object (or array of them) validated with its own class's rules. */
export function Nested(type: () => new () => object, options: { each?: boolean } = {}): PropertyDecorator {
  // ValidateNested alone lets an array or a scalar through where one object is expected.
  const decorators = [ValidateNested({ each: options.each }), IsObject({ each: options.each }), Type(type)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';

/** A nested payload object (or array of them) validated with its own class's rules. */
export function Nested(type: () => new () => object, options: { each?: boolean } = {}): PropertyDecorator {
  const validate = ValidateNested({ each: options.each });
  const transform = Type(type);
  return (target, key) => {
    validate(target, key);
    transform(target, key);
  };
}

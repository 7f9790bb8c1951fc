import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldErrors, InputValidationError } from '../errors/domain-error.js';

/** Flattens class-validator's nested errors into `path → messages` (e.g. `parcels.0.areaM2`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      fields[path] = Object.values(error.constraints);
    }
    if (error.children?.length) {
      Object.assign(fields, toFieldErrors(error.children, path));
    }
  }
  return fields;
}

/** Where @ApiProperty keeps its options (`DECORATORS.API_MODEL_PROPERTIES`, which @nestjs/swagger does not export). */
const API_PROPERTY_METADATA = 'swagger/apiModelProperties';

/** Whether the contract (the property's @ApiProperty) lets `null` stand for "none" or "clear it". */
function nullableInContract(type: object, property: string): boolean | undefined {
  const options = Reflect.getMetadata(API_PROPERTY_METADATA, type, property) as { nullable?: boolean } | undefined;
  return options ? options.nullable === true : undefined;
}

/** `null` where the contract does not allow it, at any depth of a validated body (instances of its DTOs). */
function forbiddenNulls(value: unknown, path = ''): FieldErrors {
  const fields: FieldErrors = {};
  if (Array.isArray(value)) {
    value.forEach((item, index) => Object.assign(fields, forbiddenNulls(item, `${path}${index}.`)));
    return fields;
  }
  if (value === null || typeof value !== 'object' || value.constructor === Object) return fields;
  const prototype = Object.getPrototypeOf(value) as object;
  for (const [property, item] of Object.entries(value)) {
    if (item === null && nullableInContract(prototype, property) === false) {
      fields[`${path}${property}`] = [`${property} must not be null; leave it out instead`];
    } else if (item !== null && typeof item === 'object') {
      Object.assign(fields, forbiddenNulls(item, `${path}${property}.`));
    }
  }
  return fields;
}

/**
 * class-validator's pipe, plus one rule it cannot express: `@IsOptional()` lets `null` through, so
 * a body's `null` is refused unless the property is documented `nullable` (where it clears a value).
 * The contract and the validation therefore agree on nulls by construction.
 */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    let result: unknown;
    try {
      result = await super.transform(value, metadata);
    } catch (error) {
      const prototype = metadata.type === 'body' ? (metadata.metatype?.prototype as object | undefined) : undefined;
      if (!(error instanceof InputValidationError) || !prototype || value === null || typeof value !== 'object') {
        throw error;
      }
      const nulls: FieldErrors = {};
      for (const [property, item] of Object.entries(value)) {
        if (item === null && nullableInContract(prototype, property) === false) {
          nulls[property] = [`${property} must not be null; leave it out instead`];
        }
      }
      const fields = (error.details as { fields: FieldErrors }).fields;
      throw new InputValidationError({ ...nulls, ...fields });
    }
    if (metadata.type === 'body') {
      const nulls = forbiddenNulls(result);
      if (Object.keys(nulls).length) throw new InputValidationError(nulls);
    }
    return result;
  }
}

/** Unknown fields are refused, not silently dropped, so a typo in a client never goes unnoticed. */
export function createValidationPipe(): ValidationPipe {
  return new ContractValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InputValidationError(toFieldErrors(errors)),
  });
}

/** The time source of rules and use cases; tests use a manual one. */
export interface Clock {
  now(): Date;
}

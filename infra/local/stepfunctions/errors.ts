/**
 * Errors of the Step Functions API, by the `__type` names the SDK maps to its modeled exceptions
 * (`ExecutionAlreadyExists`, `StateMachineDoesNotExist` …). All are client errors (400) in AWS.
 */
export class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = type;
  }
}

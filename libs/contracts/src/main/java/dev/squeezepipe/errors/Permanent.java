package dev.squeezepipe.errors;

/**
 * Marks a failure that trying again would not mend (a corrupt object, a job that cannot run, a dataset that never
 * came): the work it stopped ends with the reason instead of being retried.
 */
public interface Permanent {}

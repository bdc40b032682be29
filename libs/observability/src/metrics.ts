import { Metric, register } from 'prom-client';

/**
 * The metric registered under this name, created on first use. Several modules of one process
 * (and Jest re-importing them) ask for the same series; prom-client refuses a second registration.
 */
export function singletonMetric<M extends Metric>(name: string, create: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? create();
}

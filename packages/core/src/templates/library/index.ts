import type { TemplateSpec } from '../spec';
import { b2bSaas } from './b2bSaas';
import { blank } from './blank';
import { currentState } from './currentState';
import { dayInTheLife } from './dayInTheLife';
import { ecommerce } from './ecommerce';
import { futureState } from './futureState';
import { lifecycle8 } from './lifecycle8';
import { onboarding } from './onboarding';
import { serviceBlueprint } from './serviceBlueprint';

/** Every built-in template spec, in picker order. */
export const TEMPLATE_SPECS: readonly TemplateSpec[] = [
  ecommerce,
  lifecycle8,
  b2bSaas,
  onboarding,
  serviceBlueprint,
  dayInTheLife,
  currentState,
  futureState,
  blank,
];

/** The risk registers' address segments (the generic register pages build `/o/$org/<path>` from them). */
export const riskPath = 'risks';
export const assessmentPath = 'risk-assessments';
export const triggerPath = 'reassessment-triggers';

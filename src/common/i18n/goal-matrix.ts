/** Strings of the organisations × goals matrix (goals on two levels, seed 004). */
export const sv = {
  goalMatrix: {
    title: "Mål per organisation",
    intro:
      "Projektets mål på två nivåer: varje deltagande organisations eget värde per mål, och hur många organisationer som nått målet.",
    link: "Mål per organisation (matris)",
    chooseProject: "Välj ett projekt i måluppföljningen för att se dess mål per organisation.",
    none: "Projektet har inga mål per organisation ännu. Lägg till en indikator för en deltagande organisation med samma namn som projektets mål.",
    caption: "{{project}}: organisationer × mål, med värde och status i varje cell",
    organisation: "Organisation",
    reachedColumn: "Uppnådda mål",
    total: "Organisationer som nått målet",
    totalOf: "{{reached}} av {{organisations}} (mål {{target}})",
    totalNoTarget: "{{reached}} av {{organisations}}",
    reached: "Uppnått ({{actual}} av {{target}})",
    notReached: "Ej uppnått ({{actual}} av {{target}})",
    noValue: "Ej mätt",
    noGoal: "Inget eget mål",
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  goalMatrix: {
    title: "Goals per organisation",
    intro:
      "The project's goals on two levels: each participating organisation's own value per goal, and how many organisations reached it.",
    link: "Goals per organisation (matrix)",
    chooseProject: "Choose a project in the goal follow-up to see its goals per organisation.",
    none: "The project has no goals per organisation yet. Add an indicator for a participating organisation with the same name as the project's goal.",
    caption: "{{project}}: organisations × goals, with the value and status in each cell",
    organisation: "Organisation",
    reachedColumn: "Goals reached",
    total: "Organisations that reached the goal",
    totalOf: "{{reached}} of {{organisations}} (target {{target}})",
    totalNoTarget: "{{reached}} of {{organisations}}",
    reached: "Reached ({{actual}} of {{target}})",
    notReached: "Not reached ({{actual}} of {{target}})",
    noValue: "No value",
    noGoal: "No own goal",
  },
};

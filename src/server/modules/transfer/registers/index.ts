import type { TransferRegister } from "../../../../common/transfer.ts";
import type { RegisterTransfer } from "../transfer.registry.ts";
import { activitiesTransfer } from "./activities.transfer.ts";
import { coursesTransfer } from "./courses.transfer.ts";
import { organisationsTransfer } from "./organisations.transfer.ts";
import { peopleTransfer } from "./people.transfer.ts";
import { programmesTransfer } from "./programmes.transfer.ts";

/** Every register that can be imported and exported, by its API segment. */
export const transferRegistry: Record<TransferRegister, RegisterTransfer> = {
  organisations: organisationsTransfer,
  people: peopleTransfer,
  programmes: programmesTransfer,
  courses: coursesTransfer,
  activities: activitiesTransfer,
};

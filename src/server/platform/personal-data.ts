import { randomUUID } from "node:crypto";
import type { ErasureImpactItem, PersonalDataRecord } from "../../common/privacy.ts";

/**
 * The contract between the privacy module and every module that holds personal data (issue 20). A
 * holding module exports from its door, in its own `<module>.personal-data.ts`, functions that read
 * (`personalDataFor`), describe (`erasureImpactFor`) and erase (`eraseFor`) the subject's data in its
 * own tables; the privacy module only calls them (one module, one door; a module writes its own tables).
 */

/** Who the data is about, resolved once by the privacy module from an e-mail address or a person id. */
export interface PersonalDataSubject {
  personId: string | null;
  userId: string | null;
  /** The register name, when the person is in the register (matches names in minutes and agreements). */
  name: string | null;
  /** Every address known for the person, lower-cased. */
  emails: string[];
}

/** What one module holds about the subject in one category. `ids` name the records (for the audit log). */
export interface HeldData {
  category: string;
  records: PersonalDataRecord[];
  ids: string[];
}

/** Shared by every module's eraseFor within one erasure (one transaction). */
export interface ErasureContext {
  /** The name is kept (minutes, decisions or agreements refer to the person): clear contact data only. */
  keepName: boolean;
  /**
   * The same random stand-in for the same address everywhere in one erasure: statistics that count
   * distinct addresses (distinct participants) count the same after the erasure, and the stand-in
   * cannot be turned back into the address.
   */
  pseudonym(email: string): string;
}

export function erasureContext(keepName: boolean): ErasureContext {
  const map = new Map<string, string>();
  return {
    keepName,
    pseudonym(email) {
      const key = email.toLowerCase();
      let p = map.get(key);
      if (!p) {
        p = `raderad-${randomUUID()}@raderad.invalid`;
        map.set(key, p);
      }
      return p;
    },
  };
}

export const ERASED_NAME = "Raderad person";
export const ERASED = "[raderat]";

export type { ErasureImpactItem };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export { iso as isoOrNull };

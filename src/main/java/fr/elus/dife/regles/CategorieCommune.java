package fr.elus.dife.regles;

/** The night allowance's categories of commune (R8). */
public enum CategorieCommune {
  PARIS,
  /** 200,000 inhabitants or more. */
  GRANDE_VILLE,
  /** A commune of the Métropole du Grand Paris other than Paris. */
  GRAND_PARIS,
  AUTRE
}

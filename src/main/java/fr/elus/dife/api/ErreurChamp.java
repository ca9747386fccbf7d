package fr.elus.dife.api;

/** One rejected field of a request: its JSON path and a French message for a person. */
public record ErreurChamp(String champ, String message) {
}

/** The same keys as the English dictionary, every leaf a string: a missing Chinese key fails to compile. */
export type TranslationShape<Dictionary> = { [Key in keyof Dictionary]: Dictionary[Key] extends string ? string : TranslationShape<Dictionary[Key]> };

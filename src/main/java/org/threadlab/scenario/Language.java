package org.threadlab.scenario;

import java.util.Locale;
import java.util.Optional;

/** The languages every text of ThreadLab is written in. */
public enum Language {

	EN, ZH;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The language with this code ("en", "zh"), if there is one. */
	public static Optional<Language> ofCode(String code) {
		for (Language language : values()) {
			if (language.code().equals(code)) {
				return Optional.of(language);
			}
		}
		return Optional.empty();
	}

	/** Chinese for any Chinese locale, English otherwise. */
	public static Language of(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
	}

}

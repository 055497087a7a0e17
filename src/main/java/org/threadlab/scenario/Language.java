package org.threadlab.scenario;

import java.util.Locale;

/** The languages every text of ThreadLab is written in. */
public enum Language {

	EN, ZH;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Chinese for any Chinese locale, English otherwise. */
	public static Language of(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
	}

}

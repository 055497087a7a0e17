package org.threadlab.web;

import java.util.Locale;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language follows the page's address, per tab: every page knows its language ({@code lang}) so that
 * its links carry it, and the address of the same page in the other language ({@code otherLanguageHref},
 * the query kept). The cookie remembers the latest choice only for an address that names none.
 * Stateless; called on the request's thread.
 */
@ControllerAdvice
class LanguageLinks {

	@ModelAttribute
	void addLanguage(HttpServletRequest request, Locale locale, Model model) {
		String lang = "zh".equals(locale.getLanguage()) ? "zh" : "en";
		String other = "zh".equals(lang) ? "en" : "zh";
		model.addAttribute("lang", lang);
		model.addAttribute("otherLanguageHref", UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("lang", other)
			.build()
			.toUriString());
	}

}

package org.threadlab.saved;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC writes table and column names unquoted, so that each engine folds them as it folds
 * the migrations' own (H2 to upper case, PostgreSQL to lower): one schema and one mapping for both.
 * Spring Data quotes them by default, and a quoted {@code "room"} is not H2's {@code ROOM}.
 */
@Configuration(proxyBeanMethods = false)
class UnquotedNames {

	@Bean
	static BeanPostProcessor unquotedSqlNames() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof JdbcMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

}

package org.threadlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ThreadLabApplication {

	public static void main(String[] args) {
		SpringApplication.run(ThreadLabApplication.class, args);
	}

}

package org.hcpgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * HCP Gate: one Spring Boot application with an embedded Camunda 7 engine, deployed as a
 * process application (system/ProcessApplication). The packages and their floors are in
 * the README ("Layout").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HcpGateApplication {

	public static void main(String[] args) {
		SpringApplication.run(HcpGateApplication.class, args);
	}

}

package org.hcpgate;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * HCP Gate: one Spring Boot application with an embedded Camunda 7 engine. The process
 * application (see {@code META-INF/processes.xml}) deploys {@code processes/} and
 * {@code forms/} together, so that {@code camunda:formRef} with binding {@code deployment}
 * finds its form.
 */
@SpringBootApplication
@EnableProcessApplication("hcp-gate")
@ConfigurationPropertiesScan
public class HcpGateApplication {

	public static void main(String[] args) {
		SpringApplication.run(HcpGateApplication.class, args);
	}

}

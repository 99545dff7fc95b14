package org.hcpgate.system;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.context.annotation.Configuration;

/**
 * HCP Gate as a Camunda process application (see {@code META-INF/processes.xml}): it
 * deploys {@code processes/} and {@code forms/} together, so that {@code camunda:formRef}
 * with binding {@code deployment} finds its form. Here rather than on the application
 * class, so that test slices ({@code @WebMvcTest}, {@code @DataJpaTest}) start without an
 * engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableProcessApplication("hcp-gate")
class ProcessApplication {

}

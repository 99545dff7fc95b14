package org.hcpgate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Model files as a designer deploys them at run time: {@code POST
 * /engine-rest/deployment/create} as an administrator, the way Camunda Modeler sends it.
 * Variants live in {@code src/test/resources/variants/}; shipped files are read from
 * {@code processes/} and {@code forms/}.
 */
public final class ModelDeployments {

	/** The demo administrator (camunda-admin). */
	public static final String ADMIN = "demo-admin";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, byte[]> files = new LinkedHashMap<>();

	public static ModelDeployments of() {
		return new ModelDeployments();
	}

	/** A variant's file, under its own name. */
	public ModelDeployments variant(String name) {
		try (InputStream in = ModelDeployments.class.getResourceAsStream("/variants/" + name)) {
			this.files.put(name, in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** A shipped file ({@code processes/…}, {@code forms/…}), under its file name. */
	public ModelDeployments shipped(String path) {
		try {
			this.files.put(Path.of(path).getFileName().toString(), Files.readAllBytes(Path.of(path)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public Map<String, byte[]> files() {
		return this.files;
	}

	/**
	 * Deploys as Camunda Modeler does; a deployment that succeeds is removed after the
	 * test ({@link Undeploy}), so the shared database keeps the shipped models.
	 */
	public ResponseEntity<String> deploy(TestRestTemplate rest, String name, Undeploy undeploy) {
		ResponseEntity<String> answer = deploy(rest, name);
		if (answer.getStatusCode().is2xxSuccessful()) {
			try {
				undeploy.ids.add(JSON.readTree(answer.getBody()).path("id").asText());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return answer;
	}

	/**
	 * Removes what a test deployed, with its instances, once the test is over: register
	 * with {@code @RegisterExtension}.
	 */
	public static final class Undeploy implements AfterEachCallback {

		private final List<String> ids = new ArrayList<>();

		@Override
		public void afterEach(ExtensionContext context) {
			RepositoryService repository = SpringExtension.getApplicationContext(context)
				.getBean(RepositoryService.class);
			this.ids.forEach(id -> repository.deleteDeployment(id, true, true));
			this.ids.clear();
		}

	}

	public ResponseEntity<String> deploy(TestRestTemplate rest, String name) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", name);
		body.add("deployment-source", "Camunda Modeler");
		this.files.forEach((file, bytes) -> body.add(file, new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return file;
			}
		}));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth(ADMIN, ADMIN)
			.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
	}

}

package org.hcpgate.content;

/**
 * Who changes content, and through which door: a staff member on the staff pages or the
 * content API, or the application's own set-up (the demo data).
 */
public record Editor(String staffId, ContentChange.Channel channel) {

	public static Editor setup() {
		return new Editor("hcp-gate", ContentChange.Channel.SETUP);
	}

}

package org.threadlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParamsTest {

	private static final List<ParameterSpec> SPECS = List.of(ParameterSpec.decimal("seconds", 2, 0.1, 10),
			ParameterSpec.integer("threads", 3, 1, 20), ParameterSpec.flag("daemon", false));

	@Test
	void leftOutParametersTakeTheTutorialsValues() {
		Params params = Params.parse(SPECS, Map.of());
		assertThat(params.decimal("seconds")).isEqualTo(2.0);
		assertThat(params.integer("threads")).isEqualTo(3);
		assertThat(params.flag("daemon")).isFalse();
	}

	@Test
	void valuesWithinBoundsAreTakenAsGiven() {
		Params params = Params.parse(SPECS, Map.of("seconds", 0.1, "threads", 20, "daemon", true));
		assertThat(params.asMap()).containsEntry("seconds", 0.1).containsEntry("threads", 20L).containsEntry("daemon", true);
	}

	@Test
	void aValueOutOfBoundsIsRefusedNamingTheParameterAndItsBounds() {
		assertThatThrownBy(() -> Params.parse(SPECS, Map.of("seconds", 10.5)))
			.isInstanceOfSatisfying(BadParameterException.class, ex -> {
				assertThat(ex.parameter()).isEqualTo("seconds");
				assertThat(ex.getMessage()).isEqualTo("Parameter 'seconds' must be 0.1 to 10; got 10.5.");
			});
		assertThatThrownBy(() -> Params.parse(SPECS, Map.of("threads", 0))).hasMessageContaining("'threads'")
			.hasMessageContaining("1 to 20");
	}

	@Test
	void valuesOfTheWrongKindAreRefused() {
		assertThatThrownBy(() -> Params.parse(SPECS, Map.of("threads", 2.5))).hasMessageContaining("a whole number");
		assertThatThrownBy(() -> Params.parse(SPECS, Map.of("seconds", "soon"))).hasMessageContaining("a number");
		assertThatThrownBy(() -> Params.parse(SPECS, Map.of("daemon", 1))).hasMessageContaining("true or false");
		assertThatThrownBy(() -> Params.parse(SPECS, Map.of("seconds", Double.NaN))).isInstanceOf(BadParameterException.class);
	}

	@Test
	void fromJsonANumberOrFlagMustNotComeAsText() {
		assertThatThrownBy(() -> Params.parseJson(SPECS, Map.of("seconds", "5")))
			.hasMessage("Parameter 'seconds' must be a number, 0.1 to 10; got \"5\".");
		assertThatThrownBy(() -> Params.parseJson(SPECS, Map.of("threads", "3"))).hasMessageContaining("a whole number");
		assertThatThrownBy(() -> Params.parseJson(SPECS, Map.of("daemon", "false")))
			.hasMessage("Parameter 'daemon' must be true or false; got \"false\".");
		assertThat(Params.parseJson(SPECS, Map.of("seconds", 5, "threads", 3L, "daemon", false)).asMap())
			.containsEntry("seconds", 5.0).containsEntry("threads", 3L).containsEntry("daemon", false);
	}

	@Test
	void anUnknownParameterIsRefusedListingTheKnownOnes() {
		assertThatThrownBy(() -> Params.parse(SPECS, Map.of("colour", 1)))
			.hasMessage("Unknown parameter 'colour'; this scenario takes: seconds, threads, daemon.");
	}

	@Test
	void valuesSurviveTheTripToAChildProcessAsText() {
		Params params = Params.parse(SPECS, Map.of("seconds", 0.25, "threads", 7, "daemon", true));
		assertThat(Params.parse(SPECS, params.asStrings()).asMap()).isEqualTo(params.asMap());
	}

}

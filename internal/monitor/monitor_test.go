package monitor

import (
	"math"
	"testing"
)

var nan = math.NaN()

// near compares at 1e-12 (relative above 1), NaN equal to NaN: the hand
// values below are decimals, the computed ones binary.
func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b))
}

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Period
		ok   bool
	}{
		{"2023-06", Period{2023, 6}, true},
		{" 2023-12 ", Period{2023, 12}, true},
		{"2023-M06", Period{2023, 6}, true},
		{"2023-M6", Period{2023, 6}, true},
		{"2023-Q2", Period{2023, 6}, true}, // a quarter is cumulative to its end: 1–6月
		{"2023-Q4", Period{2023, 12}, true},
		{"2023-6", Period{}, false}, // YYYY-MM: two digits
		{"2023-13", Period{}, false},
		{"2023-00", Period{}, false},
		{"2023", Period{}, false}, // a year is not a cumulative month
		{"2023-Q5", Period{}, false},
		{"2023-M13", Period{}, false},
		{"23-06", Period{}, false},
		{"2023/06", Period{}, false},
		{"２０２３-06", Period{}, false},
		{"", Period{}, false},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, ok := ParsePeriod(c.in)
			if got != c.want || ok != c.ok {
				t.Errorf("ParsePeriod(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
	if got := (Period{2023, 6}).YearEarlier().String(); got != "2022-06" {
		t.Errorf("YearEarlier = %s", got)
	}
}

func TestGrowthOf(t *testing.T) {
	for _, c := range []struct {
		name                     string
		supplied, value, earlier float64
		want                     float64
	}{
		{"supplied wins over the values", 6.4, 110, 100, 6.4},
		{"computed: 110 / 100 − 1 = 10 %", nan, 110, 100, 10},
		{"computed: 95 / 100 − 1 = −5 %", nan, 95, 100, -5},
		{"earlier missing", nan, 110, nan, nan},
		{"earlier 0", nan, 110, 0, nan},
		{"value missing", nan, nan, 100, nan},
		{"supplied with the value missing", 3, nan, nan, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := GrowthOf(c.supplied, c.value, c.earlier); !near(got, c.want) {
				t.Errorf("GrowthOf = %v, want %v", got, c.want)
			}
		})
	}
}

func TestElapsed(t *testing.T) {
	shares := Shares{{"inv", 6}: 0.38, {"inv", 12}: 1}
	for _, c := range []struct {
		name  string
		sh    Shares
		ind   string
		month int
		want  float64
	}{
		{"default 6 / 12", nil, "gdp", 6, 0.5},
		{"default 2 / 12: January and February come together", nil, "gdp", 2, 1.0 / 6},
		{"default 1 / 12", nil, "gdp", 1, 1.0 / 12},
		{"default 12 / 12", nil, "gdp", 12, 1},
		{"benchmark for inv in June", shares, "inv", 6, 0.38},
		{"benchmark lacks inv in May: 5 / 12", shares, "inv", 5, 5.0 / 12},
		{"benchmark lacks gdp: 6 / 12", shares, "gdp", 6, 0.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Elapsed(c.sh, c.ind, c.month); !near(got, c.want) {
				t.Errorf("Elapsed = %v, want %v", got, c.want)
			}
		})
	}
}

func TestLightOf(t *testing.T) {
	for _, c := range []struct {
		name            string
		growth, pg, gap float64
		kind            Kind
		want            Light
	}{
		{"no growth: no light, even with the target met", nan, 5, 0.1, Absolute, None},
		{"negative growth is red, even ahead of schedule", -0.5, -3, 0.2, Absolute, Red},
		{"negative growth is red, even above the province", -0.5, -3, nan, "", Red},
		{"absolute, ahead of schedule: green", 2, 5, 0.01, Absolute, Green},
		{"absolute, exactly on schedule: green", 2, 5, 0, Absolute, Green},
		{"absolute, behind, growth ≥ province: yellow", 5, 5, -0.01, Absolute, Yellow},
		{"absolute, behind, growth < province: red", 4.9, 5, -0.01, Absolute, Red},
		{"absolute, gap undefined (target 0), above province: yellow", 6, 5, nan, Absolute, Yellow},
		{"growth target met: 7 − 6.5 = 0.5 ≥ 0: green, though below the province", 7, 8, 0.5, Growth, Green},
		{"growth target met exactly: green", 6.5, 8, 0, Growth, Green},
		{"growth target missed, growth ≥ province: yellow", 6, 5, -0.5, Growth, Yellow},
		{"growth target missed, growth < province: red", 4, 5, -2.5, Growth, Red},
		{"target missed, no province growth: red", 4, nan, -2.5, Growth, Red},
		{"no target, growth ≥ province: green", 5, 5, nan, "", Green},
		{"no target, growth < province: red", 4.9, 5, nan, "", Red},
		{"no target, no province growth: nothing met, red (contract read literally)", 4.9, nan, nan, "", Red},
		{"zero growth is not negative", 0, 0, nan, "", Green},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := LightOf(c.growth, c.pg, c.kind, c.gap); got != c.want {
				t.Errorf("LightOf(%v, %v, %q, %v) = %q, want %q", c.growth, c.pg, c.kind, c.gap, got, c.want)
			}
		})
	}
}

func TestIsProvince(t *testing.T) {
	for code, want := range map[string]bool{"620000": true, "620100": false, "620102": false, "": false} {
		if IsProvince(code) != want {
			t.Errorf("IsProvince(%q) = %v", code, !want)
		}
	}
}

package web

import (
	"math"
	"testing"

	"github.com/qiangxian/qiangxian/internal/method"
)

// TestGrouped: figures as people write them.
func TestGrouped(t *testing.T) {
	cases := []struct {
		v    float64
		d    int
		want string
	}{
		{1234567.891, 2, "1,234,567.89"}, // rounded to 2, commas every 3 digits
		{-45678.5, 0, "-45,679"},         // half away from zero: 45678.5 → 45679
		{999.994, 2, "999.99"},           // no separator under 1,000
		{999.995, 2, "1,000.00"},         // half up from the shortest form 999.995
		{2.675, 2, "2.68"},               // binary 2.67499999…, written 2.675: 四舍五入 gives 2.68
		{0.5, 0, "1"},
		{9.96, 1, "10.0"},
		{6.4, 1, "6.4"},
		{-0.0004, 3, "0.000"}, // no −0.000
		{-0.004, 2, "0.00"},
		{100000, 0, "100,000"},
		{math.NaN(), 2, "—"},
	}
	for _, c := range cases {
		got := grouped(c.v, c.d)
		if got != c.want {
			t.Errorf("grouped(%v, %d) = %q, want %q", c.v, c.d, got, c.want)
		}
	}
}

// TestIndicatorPlacesOfMethod: the method's decimals for a listed code, 2
// for one it does not list.
func TestIndicatorPlacesOfMethod(t *testing.T) {
	m := &method.Method{Indicators: []method.Indicator{{Code: "gdp_growth", Unit: "%", Decimals: -1}, {Code: "pop", Unit: "万人", Decimals: 1}}}
	for code, want := range map[string]int{"gdp_growth": 1, "pop": 1, "other": 2} {
		if got := indicatorPlaces(m, code); got != want {
			t.Errorf("%s: %d, want %d", code, got, want)
		}
	}
}

package method

import (
	"strings"
	"testing"
)

// TestIndicatorPlaces: an indicator's decimals come from the method when it
// sets them, else from its unit; a value outside 0…6 is refused at its
// place in the file.
func TestIndicatorPlaces(t *testing.T) {
	cases := []struct {
		unit     string
		decimals int
		want     int
	}{
		{"%", -1, 1},   // a growth rate: 6.4 %
		{"亿元", -1, 2},  // 123.45 亿元
		{"元/人", -1, 0}, // 45,678 元/人
		{"户", -1, 0},   // a count
		{"万人", -1, 2},  // 18.57 万人
		{"%", 2, 2},    // the method says 2
		{"亿元", 0, 0},   // the method says 0
		{"", -1, 2},    // no unit: a score-like figure
		{"元/人", 1, 1},  // the method wins over the unit
	}
	for _, c := range cases {
		t.Run(c.unit, func(t *testing.T) {
			if got := (Indicator{Unit: c.unit, Decimals: c.decimals}).Places(); got != c.want {
				t.Errorf("Places(%q, %d) = %d, want %d", c.unit, c.decimals, got, c.want)
			}
		})
	}
}

// TestIndicatorDecimalsParsed: decimals = 3 is read onto the indicator, an
// indicator without it keeps −1 (by its unit), and decimals = 9 is an
// error at indicator[…].decimals.
func TestIndicatorDecimalsParsed(t *testing.T) {
	m := mustParse(t, tieMethod+`[[indicator]]
code = "z"
unit = "%"
decimals = 3
parent = "total"
weight = 1
`)
	for _, ind := range m.Indicators {
		switch ind.Code {
		case "z":
			if ind.Decimals != 3 || ind.Places() != 3 {
				t.Errorf("z: Decimals %d, Places %d, want 3 and 3", ind.Decimals, ind.Places())
			}
		default:
			if ind.Decimals != -1 {
				t.Errorf("%s: Decimals %d without decimals in the file, want -1", ind.Code, ind.Decimals)
			}
		}
	}
	_, err := Parse("t.toml", []byte(tieMethod+`[[indicator]]
code = "z"
decimals = 9
parent = "total"
weight = 1
`))
	if err == nil || !strings.Contains(err.Error(), "decimals") {
		t.Errorf("decimals = 9: %v, want an error at decimals", err)
	}
}

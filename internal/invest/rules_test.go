package invest

import (
	"slices"
	"testing"
)

func TestClassifyAndOutside(t *testing.T) {
	// The project is in 古浪县 620622, prefecture 武威市 620600.
	cases := []struct {
		loc                              string
		origin                           Origin
		province, prefecture, countyPref bool
		countyCounty                     bool
	}{
		{"", OriginUnknown, false, false, false, false},
		{"620622", OriginCounty, false, false, false, false},
		{"620602", OriginPrefecture, false, false, false, true}, // 凉州区: same prefecture
		{"620600", OriginPrefecture, false, false, false, true}, // the prefecture itself
		{"620102", OriginProvince, false, true, true, true},     // 兰州: other Gansu prefecture
		{"310115", OriginDomestic, true, true, true, true},      // 上海
		{"HK", OriginAbroad, true, true, true, true},            // 港澳台 and foreign countries
		{"US", OriginAbroad, true, true, true, true},
	}
	for _, c := range cases {
		t.Run(c.loc, func(t *testing.T) {
			o := Classify("620622", c.loc)
			if o != c.origin {
				t.Fatalf("Classify = %d, want %d", o, c.origin)
			}
			got := []bool{Outside(LevelProvince, ScopePrefecture, o), Outside(LevelPrefecture, ScopePrefecture, o),
				Outside(LevelCounty, ScopePrefecture, o), Outside(LevelCounty, ScopeCounty, o),
				Outside(LevelZone, ScopeCounty, o)}
			want := []bool{c.province, c.prefecture, c.countyPref, c.countyCounty, c.countyCounty}
			if !slices.Equal(got, want) {
				t.Errorf("outside (province, prefecture, county/prefecture, county/county, zone/county) = %v, want %v", got, want)
			}
		})
	}
}

func TestValidUSCC(t *testing.T) {
	for _, c := range []struct {
		code string
		ok   bool
	}{
		{"91440300708461136T", true},  // a real company's code
		{"91110000802100433B", true},  // another
		{"91350100M000100Y43", true},  // the standard's worked example
		{"91440300708461136A", false}, // wrong check character
		{"91440300708461136", false},  // 17 characters
		{"9144030070846113IT", false}, // I is not in the character set
		{"91440300708461136t", false}, // lower case
	} {
		if got := ValidUSCC(c.code); got != c.ok {
			t.Errorf("ValidUSCC(%s) = %v, want %v", c.code, got, c.ok)
		}
	}
}

func TestParseDayMonth(t *testing.T) {
	for _, s := range []string{"2024-02-29", "1999-12-31"} {
		if _, ok := ParseDay(s); !ok {
			t.Errorf("ParseDay(%q) refused", s)
		}
	}
	for _, s := range []string{"2023-02-29", "2024-2-01", "2024/02/01", "20240201", "2024-13-01", "2024-00-10", " 2024-01-01", "2024-01-01T00:00"} {
		if _, ok := ParseDay(s); ok {
			t.Errorf("ParseDay(%q) accepted", s)
		}
	}
	for _, s := range []string{"2024-1", "2024-13", "2024-00", "2024/01", "202401", "2024-01-01"} {
		if _, ok := ParseMonth(s); ok {
			t.Errorf("ParseMonth(%q) accepted", s)
		}
	}
	if got := m("2024-02").Last(); got != d("2024-02-29") {
		t.Errorf("last day of 2024-02 = %v", got)
	}
	for _, c := range []struct {
		day  string
		n    int
		want string
	}{
		{"2024-06-30", 6, "2023-12-30"},
		{"2024-08-31", 6, "2024-02-29"}, // clamped to February's end
		{"2024-12-31", 12, "2023-12-31"},
		{"2024-03-31", 0, "2024-03-31"},
	} {
		if got := d(c.day).MonthsBefore(c.n); got != d(c.want) {
			t.Errorf("%s minus %d months = %v, want %s", c.day, c.n, got, c.want)
		}
	}
}

func TestParseAmount(t *testing.T) {
	// Sums are exact: 0.1 + 0.2 亿元 is 0.3, not 0.30000000000000004.
	a, _ := ParseAmount("0.1")
	b, _ := ParseAmount("0.2")
	if got := FormatYi((a + b).Yi()); got != "0.3" {
		t.Errorf("0.1 + 0.2 = %s", got)
	}
	for _, s := range []string{"", "abc", "1,5", "NaN", "Inf", "0x1p-2", "1_000", "９"} {
		if _, ok := ParseAmount(s); ok {
			t.Errorf("ParseAmount(%q) accepted", s)
		}
	}
}

func TestStageChange(t *testing.T) {
	for _, c := range []struct {
		from, to Stage
		ok       bool
	}{
		{"", StageLead, true},
		{StageLead, StageTalks, true},
		{StageTalks, StageSigned, true},
		{StageLead, StageSigned, true}, // a step may be skipped
		{StageStarted, StageProducing, true},
		{StageStarted, StageBuilt, true},
		{StageProducing, StageBuilt, false}, // 投产 and 建成 are the same step
		{StageSigned, StageTalks, false},    // never backwards
		{StageSigned, StageTerminated, true},
		{StageTerminated, StageStarted, false},
		{StageLead, "完成", false},
	} {
		if err := CheckStageChange(c.from, c.to); (err == nil) != c.ok {
			t.Errorf("%s → %s: %v, want ok=%v", c.from, c.to, err, c.ok)
		}
	}
}

func TestAddMonths(t *testing.T) {
	for _, c := range []struct {
		m    Month
		n    int
		want Month
	}{{202412, 1, 202501}, {202401, -1, 202312}, {202406, -18, 202212}, {202406, 0, 202406}, {202411, 14, 202601}} {
		if got := c.m.AddMonths(c.n); got != c.want {
			t.Errorf("%v + %d months = %v, want %v", c.m, c.n, got, c.want)
		}
	}
}

// TestOverdueFacts: the monthly counts are rule 6 month by month, and the
// horizon is where they stop changing.
func TestOverdueFacts(t *testing.T) {
	l := ledger([]Project{
		// Due 2024-03-31, never started: overdue from April 2024 on.
		{ID: "D1", County: "620622", InvestorLoc: "310115", ContractStart: d("2024-03-31"), Signed: d("2024-01-10")},
		// No contract date, signed 2024-01-10: overdue from July 2024 (the
		// cutoff of July is 2024-01-31), started in September.
		{ID: "D2", County: "620622", InvestorLoc: "310115", Signed: d("2024-01-10"), ActualStart: d("2024-09-02")},
	}, nil)
	facts, horizon := OverdueFacts(l, 6)
	count := map[Month]int64{}
	for _, f := range facts {
		count[f.Month] += f.Count
	}
	// The latest date is 2024-09-02: nothing changes after 2024-09 + 7.
	if horizon != 202504 {
		t.Errorf("horizon %v", horizon)
	}
	for m, want := range map[Month]int64{202403: 0, 202404: 1, 202406: 1, 202407: 2, 202408: 2, 202409: 1, 202504: 1} {
		if count[m] != want {
			t.Errorf("%v: %d overdue, want %d", m, count[m], want)
		}
	}
}

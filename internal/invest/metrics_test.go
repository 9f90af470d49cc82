package invest

import (
	"slices"
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
)

// ledgerA exercises rules 1 to 4. 古浪县 620622 and 凉州区 620602 are in
// 武威市 620600; 甘州区 620702 is in 张掖市 620700.
func ledgerA() *Ledger {
	return ledger([]Project{
		{ID: "A1", County: "620622", Zone: "Z1", InvestorLoc: "310115", Signed: d("2024-02-10"), Amount: yi(10)},
		{ID: "A2", County: "620622", InvestorLoc: "620602", Signed: d("2024-03-01"), Amount: yi(4)},
		{ID: "A3", County: "620622", InvestorLoc: "620102", Signed: d("2024-06-30"), Amount: yi(3)},
		{ID: "A4", County: "620622", InvestorLoc: "HK", Signed: d("2024-07-01"), Amount: yi(6)},
		{ID: "A5", County: "620622", InvestorLoc: "310115", Signed: d("2024-04-01"), Amount: yi(2), Relocation: true},
		{ID: "A6", IncreaseOf: "A1", Signed: d("2024-05-05"), Amount: yi(1.5)},
		{ID: "A7", IncreaseOf: "A2", Signed: d("2024-05-05"), Amount: yi(0.5)},
		{ID: "A8", County: "620702", InvestorLoc: "440300", Signed: d("2023-12-31"), Amount: yi(5)},
		{ID: "A9", County: "620702", Zone: "Z2", InvestorLoc: "620622", Signed: d("2024-01-01"), Amount: yi(2)},
		{ID: "A10", IncreaseOf: "A8", InvestorLoc: "US", Signed: d("2024-03-03"), Amount: yi(1)},
	}, []fundsRow{
		{"A1", "2024-01", 2, "股东出资", "进账单", ""},        // F1
		{"A1", "2024-02", 1, "企业自有", "凭证", "HK"},       // F2: paid from Hong Kong
		{"A1", "2024-03", 0.5, "本地金融机构", "凭证", ""},     // F3: a local bank: excluded
		{"A1", "2024-04", 0.25, "股东出资", "", ""},        // F4: no evidence: excluded
		{"A1", "2024-07", 9, "股东出资", "凭证", ""},         // F5: after the period
		{"A2", "2024-02", 0.8, "外地金融机构", "凭证", ""},     // F6: intra-prefecture investor
		{"A2", "2024-03", 0.1, "政府资金", "凭证", ""},       // F7
		{"A3", "2024-06", 0.3, "专项债", "凭证", ""},        // F8
		{"A3", "2024-05", 0.7, "股东出资", "验资报告", ""},     // F9
		{"A1", "2023-03", 1.6, "股东出资", "凭证", ""},       // F10: last year
		{"A1", "2023-08", 5, "股东出资", "凭证", ""},         // F11: last year, after the period
		{"A1", "2023-02", 0.4, "本地金融机构", "凭证", ""},     // F12: last year, not counted
		{"A8", "2024-06", 1, "股东出资", "凭证", ""},         // F13
		{"A10", "2024-04", 0.5, "企业自有", "凭证", ""},      // F14: the increase's US investor
		{"A8", "2023-06", 2, "股东出资", "凭证", ""},         // F15: last year
		{"A1", "2024-05", 0.6, "股东出资", "凭证", "620102"}, // F16: paid from 兰州
	})
}

func TestSignedRule2(t *testing.T) {
	l := ledgerA()
	cases := []struct {
		name  string
		level Level
		scope CountyScope
		units []string
		want  map[string]map[string]string
	}{
		// 620622: A1 (上海) and A3 (兰州, another prefecture) count; A2 is
		// from the same prefecture, A4 signed after June, A5 a relocation.
		// Amount 10 + 3 + increase A6 1.5 = 14.5 (A7 is on A2).
		// 620702: A9 (武威 is another prefecture) 2 + increase A10 1 = 3.
		{"county", LevelCounty, ScopePrefecture, []string{"620622", "620702"}, map[string]map[string]string{
			"620622": {"signed_count": "2", "signed_amount": "14.5"},
			"620702": {"signed_count": "1", "signed_amount": "3"}}},
		// Scope county adds A2 (4) and its increase A7 (0.5): 3, 19.
		{"county scope", LevelCounty, ScopeCounty, []string{"620622", "620702"}, map[string]map[string]string{
			"620622": {"signed_count": "3", "signed_amount": "19"}}},
		{"prefecture", LevelPrefecture, ScopePrefecture, []string{"620600", "620700"}, map[string]map[string]string{
			"620600": {"signed_count": "2", "signed_amount": "14.5"},
			"620700": {"signed_count": "1", "signed_amount": "3"}}},
		// Outside Gansu: A1 10, its increase A6 1.5, A10 (US) 1 = 12.5.
		{"province", LevelProvince, ScopePrefecture, []string{"620000"}, map[string]map[string]string{
			"620000": {"signed_count": "1", "signed_amount": "12.5"}}},
		// Z1 holds A1 and its increase (which takes its zone): 10 + 1.5.
		{"zone", LevelZone, ScopePrefecture, []string{"Z1", "Z2"}, map[string]map[string]string{
			"Z1": {"signed_count": "1", "signed_amount": "11.5"},
			"Z2": {"signed_count": "1", "signed_amount": "2"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := opts(c.level, "2024-01", "2024-06")
			o.Scope = c.scope
			rows := Compute(l, o)
			if got := units(rows); !slices.Equal(got, c.units) {
				t.Fatalf("units %v, want %v", got, c.units)
			}
			for u, w := range c.want {
				check(t, rows, u, w)
			}
		})
	}
}

func TestFundsRules3And4(t *testing.T) {
	l := ledgerA()
	cases := []struct {
		name  string
		level Level
		scope CountyScope
		unit  string
		want  map[string]string
	}{
		// 620622, outside its prefecture: F1 2 + F2 1 + F9 0.7 + F16 0.6 =
		// 4.3, of which 上海 2 (F1) and Hong Kong 1 (F2); 兰州's F9 and F16
		// are neither. Intra-prefecture F6 0.8 apart. Excluded F3 0.5 + F4
		// 0.25 + F8 0.3 = 1.05 (F7 is the intra-prefecture project's: in
		// neither). Last year F10 1.6: yoy = 2.7 / 1.6 = 1.6875.
		{"county", LevelCounty, ScopePrefecture, "620622", map[string]string{
			"funds": "4.3", "funds_outside_province": "2", "funds_abroad": "1", "funds_intra_prefecture": "0.8",
			"funds_prev": "1.6", "yoy": "1.6875", "excluded_funds": "1.05"}},
		// Scope county: F6 joins funds (5.1) and F7 the excluded (1.15);
		// yoy = 3.5 / 1.6 = 2.1875.
		{"county scope", LevelCounty, ScopeCounty, "620622", map[string]string{
			"funds": "5.1", "funds_outside_province": "2", "funds_abroad": "1", "funds_intra_prefecture": "0.8",
			"funds_prev": "1.6", "yoy": "2.1875", "excluded_funds": "1.15"}},
		// 620702: F13 1 (深圳) + F14 0.5 (US); last year F15 2: yoy −0.25.
		{"county 620702", LevelCounty, ScopePrefecture, "620702", map[string]string{
			"funds": "1.5", "funds_outside_province": "1", "funds_abroad": "0.5", "funds_intra_prefecture": "0",
			"funds_prev": "2", "yoy": "-0.25", "excluded_funds": "0"}},
		{"prefecture", LevelPrefecture, ScopePrefecture, "620600", map[string]string{
			"funds": "4.3", "funds_outside_province": "2", "funds_abroad": "1", "funds_intra_prefecture": "",
			"funds_prev": "1.6", "excluded_funds": "1.05"}},
		// Province: F1 2 + F2 1 + F13 1 + F14 0.5 = 4.5; excluded F3 + F4 =
		// 0.75 (F8 is a Gansu investor's); last year F10 1.6 + F15 2 = 3.6:
		// yoy 0.9 / 3.6 = 0.25.
		{"province", LevelProvince, ScopePrefecture, "620000", map[string]string{
			"funds": "4.5", "funds_outside_province": "3", "funds_abroad": "1.5", "funds_intra_prefecture": "",
			"funds_prev": "3.6", "yoy": "0.25", "excluded_funds": "0.75"}},
		// Z1: F1 2 + F2 1 + F16 0.6 = 3.6; yoy (3.6 − 1.6) / 1.6 = 1.25.
		{"zone", LevelZone, ScopePrefecture, "Z1", map[string]string{
			"funds": "3.6", "funds_prev": "1.6", "yoy": "1.25", "excluded_funds": "0.75", "funds_intra_prefecture": ""}},
		// Z2 had no funds last year: yoy is empty, not 0 or NaN.
		{"yoy with nothing last year", LevelZone, ScopePrefecture, "Z2", map[string]string{
			"funds": "0", "funds_prev": "0", "yoy": ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := opts(c.level, "2024-01", "2024-06")
			o.Scope = c.scope
			check(t, Compute(l, o), c.unit, c.want)
		})
	}
}

// ledgerB exercises rule 5, the cohort rates, as of December 2024.
func ledgerB() *Ledger {
	const fair = "第三十届兰洽会"
	return ledger([]Project{
		{ID: "B1", County: "620622", InvestorLoc: "310115", Event: fair, Signed: d("2024-07-08"), Amount: yi(10),
			ContractStart: d("2024-09-30"), ActualStart: d("2024-09-15"), ContractProd: d("2024-12-31"), ActualProd: d("2024-12-20")},
		{ID: "B2", County: "620622", InvestorLoc: "440300", Event: fair, Signed: d("2024-07-08"), Amount: yi(6),
			ContractStart: d("2024-10-31"), ActualStart: d("2024-11-05")},
		{ID: "B3", County: "620622", InvestorLoc: "HK", Event: fair, Signed: d("2024-07-09"), Amount: yi(4),
			ContractStart: d("2025-03-31"), Terminated: d("2024-11-30")},
		{ID: "B4", County: "620622", InvestorLoc: "620602", Event: fair, Signed: d("2024-07-08"), Amount: yi(3)},
		{ID: "B5", County: "620622", InvestorLoc: "310115", Signed: d("2024-03-01"), Amount: yi(2),
			ContractStart: d("2024-05-31"), ActualStart: d("2024-05-31"), ContractProd: d("2024-10-31"), ActualProd: d("2024-11-15")},
		{ID: "B6", IncreaseOf: "B1", Signed: d("2024-12-31"), Amount: yi(1)},
		{ID: "B7", IncreaseOf: "B2", Signed: d("2025-01-05"), Amount: yi(2)},
		{ID: "B8", County: "620622", InvestorLoc: "310115", Event: "第二十九届兰洽会", Signed: d("2023-07-07"), Amount: yi(5)},
		{ID: "B9", County: "620702", InvestorLoc: "110105", Event: fair, Signed: d("2024-07-08"), Amount: yi(8),
			ContractStart: d("2024-08-31"), ActualStart: d("2024-08-01"), ContractProd: d("2025-06-30")},
	}, []fundsRow{
		{"B1", "2024-08", 2, "股东出资", "凭证", ""},
		{"B1", "2025-01", 3, "股东出资", "凭证", ""},   // after to
		{"B1", "2024-09", 1, "本地金融机构", "凭证", ""}, // not counted
		{"B2", "2024-09", 1.5, "企业自有", "凭证", ""},
		{"B2", "2024-10", 0.5, "股东出资", "", ""},     // no evidence
		{"B3", "2024-08", 0.4, "外地金融机构", "凭证", ""}, // terminated later: still counts
		{"B4", "2024-08", 1, "股东出资", "凭证", ""},
		{"B6", "2024-12", 0.5, "股东出资", "凭证", ""},
		{"B7", "2024-12", 0.4, "股东出资", "凭证", ""}, // its increase is signed after to
		{"B9", "2024-10", 4, "股东出资", "凭证", ""},
	})
}

func TestCohortRule5(t *testing.T) {
	l := ledgerB()
	f := table.FormatNumber
	cases := []struct {
		name   string
		level  Level
		scope  CountyScope
		cohort string
		year   int
		unit   string
		want   map[string]string
	}{
		// The fair's projects in 620622 with an outside investor: B1, B2,
		// B3 (terminated, still counted); B4's investor is from the same
		// prefecture. Amount 10 + 6 + 4 + B6 1 = 21 (B7 is signed after
		// to). Funds B1 2 + B2 1.5 + B3 0.4 + B6 0.5 = 4.4. Started B1, B2:
		// 2/3; produced B1: 1/3. Due to start by to: B1 (on time, and
		// produced by its date) and B2 (late): 1/2.
		{"label", LevelCounty, ScopePrefecture, "第三十届兰洽会", 0, "620622", map[string]string{
			"cohort_projects": "3", "cohort_amount": "21", "cohort_funds": "4.4", "in_place_rate": f(44.0 / 210),
			"start_rate": f(2.0 / 3), "completion_rate": f(1.0 / 3), "on_time_rate": "0.5"}},
		// Scope county adds B4 (3, funds 1, no contract dates).
		{"label county scope", LevelCounty, ScopeCounty, "第三十届兰洽会", 0, "620622", map[string]string{
			"cohort_projects": "4", "cohort_amount": "24", "cohort_funds": "5.4", "in_place_rate": "0.225",
			"start_rate": "0.5", "completion_rate": "0.25", "on_time_rate": "0.5"}},
		// Signed in 2024: B1, B2, B3 and B5 (no fair). Amount 21 + 2 = 23;
		// started 3/4; produced B1, B5: 1/2; due B1, B2, B5, of which B5
		// produced late: 1/3.
		{"year", LevelCounty, ScopePrefecture, "", 2024, "620622", map[string]string{
			"cohort_projects": "4", "cohort_amount": "23", "cohort_funds": "4.4", "in_place_rate": f(44.0 / 230),
			"start_rate": "0.75", "completion_rate": "0.5", "on_time_rate": f(1.0 / 3)}},
		// 2023: B8 alone, nothing started and no contract start date.
		{"year without dates", LevelCounty, ScopePrefecture, "", 2023, "620622", map[string]string{
			"cohort_projects": "1", "cohort_amount": "5", "cohort_funds": "0", "in_place_rate": "0",
			"start_rate": "0", "completion_rate": "0", "on_time_rate": ""}},
		// B9's 合同投产日期 is after to: only its start is judged.
		{"production not yet due", LevelCounty, ScopePrefecture, "第三十届兰洽会", 0, "620702", map[string]string{
			"cohort_projects": "1", "cohort_amount": "8", "cohort_funds": "4", "in_place_rate": "0.5",
			"start_rate": "1", "completion_rate": "0", "on_time_rate": "1"}},
		// Outside Gansu: B1, B2, B3, B9: 29, funds 8.4, started 3/4,
		// produced 1/4, on time B1 and B9 of B1, B2, B9.
		{"province", LevelProvince, ScopePrefecture, "第三十届兰洽会", 0, "620000", map[string]string{
			"cohort_projects": "4", "cohort_amount": "29", "cohort_funds": "8.4", "in_place_rate": f(84.0 / 290),
			"start_rate": "0.75", "completion_rate": "0.25", "on_time_rate": f(2.0 / 3)}},
		// An unknown fair: the cohort is empty, its rates undefined.
		{"empty cohort", LevelCounty, ScopePrefecture, "第一届", 0, "620622", map[string]string{
			"cohort_projects": "0", "cohort_amount": "0", "cohort_funds": "0", "in_place_rate": "",
			"start_rate": "", "completion_rate": "", "on_time_rate": ""}},
		{"no cohort option", LevelCounty, ScopePrefecture, "", 0, "620622", map[string]string{
			"cohort_projects": "", "cohort_amount": "", "cohort_funds": "", "in_place_rate": "",
			"start_rate": "", "completion_rate": "", "on_time_rate": ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := opts(c.level, "2024-01", "2024-12")
			o.Scope, o.Cohort, o.CohortYear = c.scope, c.cohort, c.year
			check(t, Compute(l, o), c.unit, c.want)
		})
	}
}

func TestOverdueRule6(t *testing.T) {
	p := func(id, loc, contract, start, term, signed string) Project {
		return Project{ID: id, County: "620622", InvestorLoc: loc, ContractStart: d(contract), ActualStart: d(start),
			Terminated: d(term), Signed: d(signed)}
	}
	// As of June 2024: the last day is 2024-06-30, and six months before
	// it is 2023-12-30.
	l := ledger([]Project{
		p("C1", "310115", "2024-06-29", "", "", "2024-01-01"),           // overdue
		p("C2", "310115", "2024-06-30", "", "", "2024-01-01"),           // due on the last day: not yet
		p("C3", "310115", "2024-05-31", "2024-07-02", "", "2024-01-01"), // started after to: overdue
		p("C4", "310115", "2024-05-31", "2024-06-15", "", "2024-01-01"), // started
		p("C5", "310115", "2024-03-31", "", "2024-06-30", "2024-01-01"), // terminated by to
		p("C6", "310115", "2024-03-31", "", "2024-07-01", "2024-01-01"), // terminated after to: overdue
		p("C7", "310115", "", "", "", "2023-12-29"),                     // signed more than 6 months before: overdue
		p("C8", "310115", "", "", "", "2023-12-30"),                     // exactly 6 months: not
		p("C9", "310115", "", "", "", ""),                               // a lead
		{ID: "C10", IncreaseOf: "C1", ContractStart: d("2024-01-01")},   // increases are never overdue
		p("C11", "620602", "2024-01-01", "", "", "2024-01-01"),          // same prefecture
	}, nil)
	for _, c := range []struct {
		name   string
		scope  CountyScope
		months int
		want   string
	}{
		{"prefecture scope", ScopePrefecture, 6, "4"}, // C1, C3, C6, C7
		{"county scope", ScopeCounty, 6, "5"},         // and C11
		{"12 months", ScopePrefecture, 12, "3"},       // C7 is within 12 months
		{"0 months", ScopePrefecture, 0, "5"},         // C7 and C8
	} {
		t.Run(c.name, func(t *testing.T) {
			o := opts(LevelCounty, "2024-01", "2024-06")
			o.Scope, o.OverdueMonths = c.scope, c.months
			check(t, Compute(l, o), "620622", map[string]string{"overdue": c.want})
		})
	}
}

func TestTargets(t *testing.T) {
	rows := Compute(ledgerA(), opts(LevelCounty, "2024-01", "2024-06"))
	// 620622's funds are 4.3 against a target of 8.6: 0.5; 620702 has none.
	ApplyTargets(rows, map[string]float64{"620622": 8.6, "999999": 1})
	got := [][]string{rows[0].Cells(true)[18:], rows[1].Cells(true)[18:]}
	want := [][]string{{"8.6", "0.5"}, {"", ""}}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d targets %v, want %v", i, got[i], want[i])
		}
	}
}

package followup

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var nan = math.NaN()

func figs(inv, tax, out, jobs, energy float64) Figures { return Figures{inv, tax, out, jobs, energy} }

// TestAssess judges a constructed project on 2026-01-10 with the default
// rules (预警 below 100 %, 违约 below 70 %, 180 days' grace).
func TestAssess(t *testing.T) {
	p := Project{ContractStart: 20230301, ActualStart: 20230530, ContractProd: 20240630,
		Terms: Terms{LandMu: 100, InvestPerMu: 300, TaxPerMu: 15, EnergyPerUnit: 0.5},
		Years: []Year{
			{2023, figs(10000, nan, nan, 100, nan), figs(9000, nan, nan, 120, nan)},
			{2024, figs(20000, nan, 50000, nan, nan), figs(16000, nan, 30000, nan, 18000)},
			{2025, figs(nan, 1000, nan, nan, nan), None},
			{2026, figs(nan, 5000, nan, nan, nan), figs(nan, 0, nan, nan, nan)}, // the current year: not judged
		}}
	got := Assess(p, 20260110, DefaultRules)
	want := Assessment{Status: Breach, Findings: []Finding{
		// 2023-03-01 → 2023-05-30: 31 (March) + 30 (April) + 29 = 90 days ≤ 180: 预警.
		{Check: CheckStart, Actual: nan, Ratio: nan, DaysLate: 90, Status: Warn},
		// 2024-06-30 → 2026-01-10, not produced: 365 + 184 (July–December) + 10 = 559 > 180: 违约.
		{Check: CheckProduction, Actual: nan, Ratio: nan, DaysLate: 559, Status: Breach},
		// Cumulative investment 2023: 9000 / 10000 = 0.9: 预警.
		{Check: CheckInvestment, Year: 2023, Committed: 10000, Actual: 9000, Ratio: 0.9, Status: Warn},
		// 2024: (9000 + 16000) / (10000 + 20000) = 25000 / 30000 = 0.8333…: 预警.
		{Check: CheckInvestment, Year: 2024, Committed: 30000, Actual: 25000, Ratio: 25000.0 / 30000, Status: Warn},
		// Output 2024: 30000 / 50000 = 0.6 < 0.7: 违约.
		{Check: CheckOutput, Year: 2024, Committed: 50000, Actual: 30000, Ratio: 0.6, Status: Breach},
		// Energy 2024: 18000 t / 30000 万元 = 0.6 t/万元 against at most 0.5: 0.5 / 0.6 = 0.8333…: 预警.
		{Check: CheckEnergy, Year: 2024, Committed: 0.5, Actual: 0.6, Ratio: 0.5 / 0.6, Status: Warn},
		// Tax 2025 committed, not reported: 预警; so is its tax per 亩
		// (2025 is after the production year 2024).
		{Check: CheckTax, Year: 2025, Committed: 1000, Actual: nan, Ratio: nan, Status: Warn},
		{Check: CheckTaxPerMu, Year: 2025, Committed: 15, Actual: nan, Ratio: nan, Status: Warn},
		// Investment per 亩 after the production deadline: 25000 / 100 = 250 against 300: 0.8333…: 预警.
		{Check: CheckInvestPerMu, Committed: 300, Actual: 250, Ratio: 250.0 / 300, Status: Warn},
	}}
	if d := cmp.Diff(want, got, cmpopts.EquateNaNs(), cmpopts.EquateApprox(0, 1e-12)); d != "" {
		t.Errorf("Assess (-want +got):\n%s", d)
	}
}

// TestAssessCases: one check at a time, at the thresholds.
func TestAssessCases(t *testing.T) {
	for _, c := range []struct {
		name  string
		p     Project
		today int32
		want  Status
	}{
		{"nothing committed", Project{}, 20260110, Normal},
		{"start deadline not reached", Project{ContractStart: 20260301}, 20260110, Normal},
		// 2026-01-01 → 2026-01-10: 9 days late, not started: 预警.
		{"start 9 days late", Project{ContractStart: 20260101}, 20260110, Warn},
		// 2025-01-01 → 2025-06-30 = 180 days exactly: still 预警 (grace is "at most").
		{"started 180 days late", Project{ContractStart: 20250101, ActualStart: 20250630}, 20260110, Warn},
		// 181 days: 违约.
		{"started 181 days late", Project{ContractStart: 20250101, ActualStart: 20250701}, 20260110, Breach},
		{"started on time", Project{ContractStart: 20250101, ActualStart: 20250101}, 20260110, Normal},
		// Tax exactly 100 %: met; 70 % exactly: 预警 (违约 is below 70 %).
		{"tax met", Project{Years: []Year{{2025, figs(nan, 100, nan, nan, nan), figs(nan, 100, nan, nan, nan)}}}, 20260110, Normal},
		{"tax at 70 %", Project{Years: []Year{{2025, figs(nan, 100, nan, nan, nan), figs(nan, 70, nan, nan, nan)}}}, 20260110, Warn},
		{"tax at 69 %", Project{Years: []Year{{2025, figs(nan, 100, nan, nan, nan), figs(nan, 69, nan, nan, nan)}}}, 20260110, Breach},
		{"current year not judged", Project{Years: []Year{{2026, figs(nan, 100, nan, nan, nan), figs(nan, 0, nan, nan, nan)}}}, 20260110, Normal},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Assess(c.p, dayOf(c.today), DefaultRules); got.Status != c.want {
				t.Errorf("status %s, want %s (%+v)", got.Status, c.want, got.Findings)
			}
		})
	}
}

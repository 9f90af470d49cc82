package followup

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/invest"
)

func TestBehindSchedule(t *testing.T) {
	today := invest.Day(20260110)
	for _, c := range []struct {
		name string
		p    invest.Project
		want Behind
	}{
		// 2025-12-31 → 2026-01-10: 10 days.
		{"start missed", invest.Project{ContractStart: 20251231, ContractProd: 20271231}, Behind{Start: true, DaysLate: 10}},
		// Started late but started: only production counts, 2026-01-01 → 01-10 = 9 days.
		{"production missed", invest.Project{ContractStart: 20250101, ActualStart: 20250301, ContractProd: 20260101}, Behind{Production: true, DaysLate: 9}},
		// Both missed: counted from the start date, 2025-01-10 → 2026-01-10 = 365 days.
		{"both missed", invest.Project{ContractStart: 20250110, ContractProd: 20251231}, Behind{Start: true, Production: true, DaysLate: 365}},
		{"due today is not late", invest.Project{ContractStart: 20260110}, Behind{}},
		{"terminated", invest.Project{ContractStart: 20250101, Terminated: 20250601}, Behind{}},
		{"terminated later", invest.Project{ContractStart: 20260101, Terminated: 20260601}, Behind{Start: true, DaysLate: 9}},
		{"capital increase", invest.Project{ContractStart: 20250101, IncreaseOf: "X"}, Behind{}},
		{"no dates", invest.Project{}, Behind{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := BehindSchedule(&c.p, today)
			if got != c.want || got.Late() != (c.want.Start || c.want.Production) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestIsKey(t *testing.T) {
	for _, c := range []struct {
		p    invest.Project
		want bool
	}{
		{invest.Project{Amount: 5 * invest.AmountScale}, true},
		{invest.Project{Amount: 5*invest.AmountScale - 1}, false},
		{invest.Project{Amount: 9 * invest.AmountScale, IncreaseOf: "X"}, false},
	} {
		if got := IsKey(&c.p, DefaultRules); got != c.want {
			t.Errorf("IsKey(%v) = %v", c.p.Amount, got)
		}
	}
}

func TestLinkCheck(t *testing.T) {
	for _, c := range []struct {
		name string
		l    Link
		errs int
	}{
		{"indicator", Link{Kind: LinkIndicator, Indicator: "m_fiscal", Period: "2023-06"}, 0},
		{"indicator without period", Link{Kind: LinkIndicator, Indicator: "m_fiscal"}, 1},
		{"zone", Link{Kind: LinkZone, Zone: "620171", Year: 2023, Action: "降级预警"}, 0},
		{"zone without action", Link{Kind: LinkZone, Zone: "620171", Year: 2023}, 1},
		{"zone with a project too", Link{Kind: LinkZone, Zone: "620171", Year: 2023, Action: "降级预警", Project: "P1"}, 1},
		{"project", Link{Kind: LinkProject, Project: "2023-620821-C-03-000042"}, 0},
		{"project empty", Link{Kind: LinkProject}, 1},
		{"manual", Link{Kind: LinkManual}, 0},
		{"manual with a zone", Link{Kind: LinkManual, Zone: "620171"}, 1},
		{"unknown", Link{Kind: "phone"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if errs := c.l.Check(); len(errs) != c.errs {
				t.Errorf("%d problems %q, want %d", len(errs), errs, c.errs)
			}
		})
	}
}

func TestDefaultDeadline(t *testing.T) {
	// 2026-01-10 + 30 = 2026-02-09; + 90: 21 (to 01-31) + 28 + 31 + 10 = 2026-04-10; + 60: 21 + 28 + 11 = 2026-03-11.
	for k, want := range map[LinkKind]invest.Day{LinkProject: 20260209, LinkIndicator: 20260209, LinkZone: 20260410, LinkManual: 20260311} {
		if got := DefaultDeadline(k, 20260110); got != want {
			t.Errorf("%s: %s, want %s", k, got, want)
		}
	}
}

func TestOverdueByDepartment(t *testing.T) {
	ps := []Due{
		{"县发改局", 20251231, false},   // 10 days overdue on 2026-01-10
		{"县发改局", 20251201, false},   // 40 days overdue
		{"县发改局", 20260131, false},   // open, not overdue
		{"县自然资源局", 20260109, false}, // 1 day overdue
		{"县自然资源局", 20250101, true},  // closed: not counted
		{"县财政局", 20260110, false},   // due today: not overdue
		{"县税务局", 20240101, true},    // closed only: left out
	}
	want := []DepartmentLoad{
		{"县发改局", 3, 2, 40},
		{"县自然资源局", 1, 1, 1},
		{"县财政局", 1, 0, 0},
	}
	if d := cmp.Diff(want, OverdueByDepartment(ps, 20260110)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

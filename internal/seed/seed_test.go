package seed_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/demo"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

var update = flag.Bool("update", false, "copy examples/gansu/method.toml to gansu/method.toml")

var ctx = context.Background()

// TestEmbeddedMethod keeps the embedded method identical to the example
// that the README and evaluate --method use; -update copies it.
func TestEmbeddedMethod(t *testing.T) {
	const example = "../../examples/gansu/method.toml"
	want, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("gansu/method.toml", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(seed.MethodTOML(), want) {
		t.Errorf("gansu/method.toml differs from %s: run go test ./internal/seed -run TestEmbeddedMethod -update", example)
	}
}

func TestLoadDemo(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		pw, err := seed.LoadDemo(ctx, db, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := auth.CheckPassword(seed.AdminUser, pw); err != nil {
			t.Errorf("generated password %q: %v", pw, err)
		}
		admin, err := db.User(ctx, seed.AdminUser)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := auth.VerifyPassword(admin.PasswordHash, pw); !ok || err != nil || admin.Role != auth.RoleAdmin {
			t.Errorf("admin %+v: password verifies %v (%v)", admin, ok, err)
		}
		// The administrator logs in; the approver who signed the demo runs
		// cannot (disabled, no usable password).
		if n, _ := db.CountUsers(ctx); n != 2 {
			t.Errorf("%d users, want the administrator and the signer", n)
		}
		if signer, err := db.User(ctx, seed.Signer); err != nil || !signer.Disabled || signer.Role != auth.RoleApprover {
			t.Errorf("signer %+v, %v: want a disabled approver", signer, err)
		} else if ok, _ := auth.VerifyPassword(signer.PasswordHash, ""); ok {
			t.Error("the signer's empty password verifies")
		}
		for kind, want := range map[store.UnitKind]int{store.UnitProvince: 1, store.UnitPrefecture: 14, store.UnitCounty: 86} {
			if us, err := db.Units(ctx, store.UnitFilter{Kind: kind}); err != nil || len(us) != want {
				t.Errorf("%d units of kind %s, want %d (%v)", len(us), kind, want, err)
			}
		}
		if types, _ := db.Attributes(ctx, "620602", "type", 2022); len(types) != 2 || types[0].Value != "城市服务型" {
			t.Errorf("凉州区's 2022 types: %+v", types)
		}
		inds, err := db.Indicators(ctx, "")
		// The reported ones and the 9 codes of monthly monitoring (values of
		// m_gdp, m_fai, m_retail, m_fiscal, m_funds; official growths of
		// m_gdp, m_ind, m_fai, m_energy).
		if err != nil || len(inds) != len(demo.Indicators())+9 {
			t.Errorf("%d indicators, want the %d reported ones and 9 of monitoring (%v)", len(inds), len(demo.Indicators()), err)
		}
		all, _ := db.Runs(ctx, store.RunFilter{})
		for _, r := range all {
			a, ok, err := db.RunApproval(ctx, r.ID)
			if err != nil || !ok || a.Username != seed.Signer || a.Meeting != store.MeetingLeadingGroup {
				t.Errorf("run %d's approval %+v, %v, %v: want the signer's", r.ID, a, ok, err)
			}
			lc, err := db.Lifecycle(ctx, r.ID)
			// 2021: the 公示 opens Wed 2022-06-01 and holds five working days
			// (06-03 端午节 off, 06-04/05 weekend): 06-01, 06-02, 06-06, 06-07, 06-08.
			if r.Period == "2021" && (err != nil || day(lc.NoticeStart) != "2022-06-01" || day(lc.NoticeEnd) != "2022-06-08") {
				t.Errorf("2021's window %s to %s, %v; want 2022-06-01 to 2022-06-08", day(lc.NoticeStart), day(lc.NoticeEnd), err)
			}
		}
		runs, err := db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
		if err != nil || len(runs) != 2 {
			t.Fatalf("%d published runs (%v)", len(runs), err)
		}
		r21, r22 := runs[1], runs[0] // newest first
		if r21.Period != "2021" || r22.Period != "2022" || r21.Visibility != auth.VisFull || r22.Visibility != auth.VisFull {
			t.Errorf("runs %+v and %+v", r21, r22)
		}
		if !strings.Contains(string(r22.Params), `"previous_run":`+strconv.FormatInt(r21.ID, 10)) {
			t.Errorf("2022 run params %s do not name the 2021 run %d", r22.Params, r21.ID)
		}
		rows, err := db.Results(ctx, r22.ID, store.ResultFilter{Node: "total"})
		if err != nil {
			t.Fatal(err)
		}
		awards := map[string]map[string]bool{} // award → units
		rises := 0
		for _, r := range rows {
			for _, a := range r.Awards {
				name, _, _ := strings.Cut(a, "(")
				if awards[name] == nil {
					awards[name] = map[string]bool{}
				}
				awards[name][r.Unit] = true
			}
			if r.Group == "" && r.RankChange == r.RankChange {
				rises++
			}
		}
		for name, want := range map[string]int{"十强县": 10, "先进县": 10, "进步县": 10} {
			if len(awards[name]) < want {
				t.Errorf("2022: %s has %d winners, want %d", name, len(awards[name]), want)
			}
		}
		if rises != 86 {
			t.Errorf("2022: %d counties have a rank change against 2021, want 86", rises)
		}

		// Declared types stay in force until a county declares others:
		// every county has its types for a year after the demo too, so a
		// new year can be evaluated without declaring them again.
		for _, year := range []int{2021, 2022, 2023} {
			as, err := db.Attributes(ctx, "", "type", year)
			if err != nil {
				t.Fatal(err)
			}
			units := map[string]bool{}
			for _, a := range as {
				units[a.Unit] = true
			}
			if len(units) != 86 {
				t.Errorf("%d: %d counties have declared types, want 86", year, len(units))
			}
		}

		revs, _ := db.LatestRevision(ctx)
		if _, err := seed.LoadDemo(ctx, db, ""); !errors.Is(err, seed.ErrNotEmpty) {
			t.Errorf("second load: %v, want ErrNotEmpty", err)
		}
		if again, _ := db.LatestRevision(ctx); again != revs {
			t.Errorf("the refused load changed the revisions: %d → %d", revs, again)
		}
	})
}

func TestLoadDemoOptions(t *testing.T) {
	t.Run("weak password", func(t *testing.T) {
		db := storetest.MustOpen(t)
		if _, err := seed.LoadDemo(ctx, db, "admin"); err == nil {
			t.Fatal("a weak administrator password was accepted")
		}
		if us, _ := db.Units(ctx, store.UnitFilter{}); len(us) != 0 {
			t.Errorf("the refused load left %d units", len(us))
		}
	})
	t.Run("given password and demo users", func(t *testing.T) {
		db := storetest.MustOpen(t)
		l, err := seed.LoadDemoOpts(ctx, db, seed.Options{AdminPassword: "Gansu-2022-demo", DemoUsers: true})
		if err != nil {
			t.Fatal(err)
		}
		if l.AdminPassword != "" || len(l.Runs) != 2 || l.MethodID == 0 {
			t.Errorf("loaded %+v", l)
		}
		var roles []auth.Role
		for _, a := range l.Users {
			u, err := db.User(ctx, a.Username)
			if err != nil {
				t.Fatal(err)
			}
			if ok, _ := auth.VerifyPassword(u.PasswordHash, a.Password); !ok || u.Role != a.Role || u.Unit != a.Unit || u.Department != a.Department {
				t.Errorf("%s: stored %+v, password verifies %v", a.Username, u, ok)
			}
			roles = append(roles, u.Role)
		}
		admin, _ := db.User(ctx, seed.AdminUser)
		if ok, _ := auth.VerifyPassword(admin.PasswordHash, "Gansu-2022-demo"); !ok {
			t.Error("the given administrator password does not verify")
		}
		roles = append(roles, admin.Role)
		slices.Sort(roles)
		want := slices.Clone(auth.Roles)
		slices.Sort(want)
		if !slices.Equal(roles, want) {
			t.Errorf("roles %v, want one of each of %v", roles, want)
		}
	})
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

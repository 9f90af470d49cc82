package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestChainWeakLinkFilledInTheBrowser walks one chain through the pages
// (issue 20): a node of a new chain has a local enterprise (one is enough
// by its rules) but no project in the pipeline, so it is weak for that
// reason alone; the county that hosts the enterprise adds a target
// enterprise for the node, moves it to 签约 as a new ledger project, finds
// the project in the ledger, and the chain page no longer marks the node.
// It has its own server: it adds a chain and a project to the demo.
func TestChainWeakLinkFilledInTheBrowser(t *testing.T) {
	ctx := Browser(t)
	s, err := StartDemo(t.TempDir())
	if err != nil {
		t.Fatalf("starting the demo server: %v", err)
	}
	t.Cleanup(s.Close)
	dir := Artifacts(t)
	bg := context.Background()
	// C2710 (化学药品原料药) is made by demo zone enterprises, and no demo
	// ledger project has it: the county of the first such enterprise.
	es, err := s.DB.ZoneEnterprises(bg, seed.ZoneEnterpriseYear, "")
	if err != nil {
		t.Fatal(err)
	}
	county := ""
	for _, e := range es {
		if e.Industry == "C2710" && len(e.County) == 6 && e.County[4:] != "00" {
			county = e.County
			break
		}
	}
	if county == "" {
		t.Fatal("no demo enterprise of C2710 in a county")
	}
	id, err := s.DB.SaveChain(bg, store.Actor{Username: "e2e"}, store.Chain{Code: "E2E", Name: "原料药产业链（示例）",
		LeaderPost: "分管副省长（示例）", LeadDept: "省药品监督管理局", Places: []string{county},
		Rules: chain.Rules{MinLocal: 1, NeedPipeline: true}, Nodes: []chain.Node{
			{Code: "N1", Name: "化学原料药", Segment: chain.Upstream, Industries: []string{"C2710"}},
			{Code: "N2", Name: "药物制剂", Segment: chain.Downstream, Industries: []string{"C2720"}, Inputs: []string{"N1"}}}})
	if err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(e2ePassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB.CreateUser(bg, store.Actor{Username: "e2e"}, store.User{Username: "chainer", Role: auth.RoleCounty,
		Unit: county, DisplayName: "示例县招商局", PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	Login(t, ctx, s.URL, "chainer", e2ePassword)

	chainPage := fmt.Sprintf("%s/invest/chains/%d?place=%s", s.URL, id, county)
	node := func() (weak, state string) {
		t.Helper()
		Open(t, ctx, chainPage, 1366)
		return Eval[string](t, ctx, `document.querySelector("#node-N1").dataset.weak`),
			strings.TrimSpace(Eval[string](t, ctx, `document.querySelector("#node-N1").dataset.reasons`))
	}
	weak, state := node()
	if weak != "1" || state != string(chain.ReasonNoPipeline) {
		t.Fatalf("before: N1 weak=%s %q, want weak for want of a pipeline project only", weak, state)
	}
	if n := Count(t, ctx, `#chain-graph svg g.node.weak[data-node="N1"]`); n != 1 {
		t.Errorf("the map does not mark N1 weak (%d)", n)
	}
	Screenshot(t, ctx, dir, "chain-before")

	// A target enterprise of N1, for the county.
	Open(t, ctx, s.URL+"/invest/targets", 1366)
	Do(t, ctx, "add a target",
		chromedp.SetValue(chromedp.CSS(`#target-add select[name=chain_node]`), fmt.Sprintf("%d/N1", id)),
		sendKeys(`#target-add input[name=name]`, "示例沪原料药科技有限公司"),
		sendKeys(`#target-add input[name=uscc]`, "91310000MA1FL0001R"),
		sendKeys(`#target-add input[name=location]`, "310000"),
		clickAndWait(`#target-add button[type=submit]`))
	if got := Eval[string](t, ctx, `document.querySelector("#target-status").innerText`); got != "识别" {
		t.Fatalf("the new target is at %q", got)
	}
	// Signed: it becomes a ledger project.
	projectID := "2024-" + county + "-27-03-990001"
	Do(t, ctx, "sign the target",
		chromedp.SetValue(chromedp.CSS(`#target-move select[name=status]`), "签约"),
		chromedp.SetValue(chromedp.CSS(`#target-move input[name=day]`), "2024-07-01"),
		sendKeys(`#target-move input[name=project_id]`, projectID),
		sendKeys(`#target-move input[name=project_name]`, "（示例）原料药项目"),
		sendKeys(`#target-move input[name=amount]`, "3"),
		clickAndWait(`#target-move button[type=submit]`))
	if got := Eval[string](t, ctx, `document.querySelector("#target-status").innerText`); got != "签约" {
		t.Fatalf("the target is at %q after signing: %s", got, Eval[string](t, ctx, `document.querySelector("main").innerText`))
	}
	if n := Count(t, ctx, `#target-contacts li`); n != 1 {
		t.Errorf("first-contact register: %d entries, want the county's one", n)
	}
	Screenshot(t, ctx, dir, "chain-target-signed")
	Do(t, ctx, "open the project", clickAndWait(`#target-project a`))
	if got := Eval[string](t, ctx, `document.querySelector("#invest-stage").innerText`); got != "签约" {
		t.Errorf("the ledger project is at %q", got)
	}
	if n := Count(t, ctx, `#invest-target a`); n != 1 {
		t.Errorf("the project does not name its target enterprise")
	}

	weak, state = node()
	if weak != "0" {
		t.Errorf("after signing: N1 weak=%s %q, want sound", weak, state)
	}
	if n := Count(t, ctx, `#chain-graph svg g.node.strong[data-node="N1"]`); n != 1 {
		t.Errorf("the map does not show N1 sound (%d)", n)
	}
	Screenshot(t, ctx, dir, "chain-after")
}

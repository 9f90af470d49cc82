package seed

import (
	"context"
	"fmt"

	"github.com/qiangxian/qiangxian/internal/demo/ledger"
	"github.com/qiangxian/qiangxian/internal/store"
)

// putInvest imports the demo investment ledger (internal/demo/ledger, the
// files of examples/gansu/invest): its projects, then its funds rows, each
// as a revision.
func putInvest(ctx context.Context, db *store.DB, actor store.Actor) error {
	d := ledger.Generate()
	note := fmt.Sprintf("示例数据：由本程序的示例生成器生成（种子 %d），投资方均为虚构；省级合计与公布数字一致", ledger.Seed)
	extra, err := chainProjects(ctx, db) // the demo chains' signed targets (chains.go)
	if err != nil {
		return err
	}
	ps := append(d.Projects[:len(d.Projects):len(d.Projects)], extra...)
	if _, err := db.ImportInvestProjects(ctx, actor, store.RevisionNote{Source: "projects.csv", Note: note}, ps); err != nil {
		return err
	}
	fs := make([]store.InvestFunds, len(d.Funds))
	for j, f := range d.Funds {
		fs[j] = store.InvestFunds{ProjectID: d.Projects[f.Project].ID, Funds: f}
	}
	_, err = db.ImportInvestFunds(ctx, actor, store.RevisionNote{Source: "funds.csv", Note: note}, fs)
	return err
}

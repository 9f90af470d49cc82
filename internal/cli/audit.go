package cli

import (
	"context"
	"errors"
	"fmt"
)

// runAudit is `qiangxian audit verify [--db …]`: recomputes the audit
// log's SHA-256 hash chain and says whether every row is as written, with
// the head hash to note down elsewhere (a later verify showing an earlier
// head means the newest rows were removed). A broken chain exits 1.
func runAudit(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return e.usageErr("用法：qiangxian audit verify [--db …]", "usage: qiangxian audit verify [--db …]")
	}
	fs := e.newFlags("audit verify")
	db, err := e.openDB(ctx, fs, args[1:], 0)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.VerifyAudit(ctx)
	if c.BadID != 0 {
		return errors.New(e.t("审计日志第 %d 行与哈希链不符：该行或其前一行已被改动、删除或插入（共 %d 行）",
			"audit row %d does not match the hash chain: it or the row before it was edited, deleted or inserted (%d rows)", c.BadID, c.Rows))
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.t("审计日志完整：%d 行，其中 %d 行早于哈希链（迁移 0009 之前）", "audit log intact: %d rows, %d of them from before the hash chain (migration 0009)", c.Rows, c.Unchained))
	fmt.Fprintln(e.stdout, e.t("末行哈希：%s", "head hash: %s", c.Head))
	return nil
}

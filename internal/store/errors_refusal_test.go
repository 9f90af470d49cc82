package store_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// TestRefusalsInReadersLanguage makes one real refused change per area of
// the store on a real database and checks that a Chinese reader is told
// the catalogue's Chinese sentence with its arguments filled in, that an
// English reader keeps the store's English text (what Error() ends with),
// and that the error is still of its kind.
func TestRefusalsInReadersLanguage(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		cases := []struct {
			name   string
			change func() error
			kind   error
			zh, en string
		}{
			{"a chain task with an unknown status", func() error {
				c := testChain()
				c.Tasks[0].Status = "搁置"
				_, err := db.SaveChain(ctx, alice, c)
				return err
			}, store.ErrInvalid,
				`产业链信息有误：2024 年的任务 "引进配套企业 3 家" 需要标题、年份和状态（未开始、推进中或已完成）`,
				`task "引进配套企业 3 家" of 2024: needs a title, a year and a status 未开始, 推进中 or 已完成`},
			{"a target with a bad USCC", func() error {
				_, err := db.AddChainTarget(ctx, alice, store.ChainTarget{Name: "示例乙", USCC: "x123", County: "620121"}, 20240301, "")
				return err
			}, store.ErrInvalid,
				`"X123" 不是有效的统一社会信用代码`, // upper-cased before the check
				`"X123" is not a valid 统一社会信用代码`},
			{"a county under a zone", func() error {
				return db.PutUnits(ctx, alice, []store.Unit{{Code: "620124", Name: "示例县", Kind: store.UnitCounty, Parent: "620171"}})
			}, store.ErrInvalid,
				"县区的上级单位 620171 是开发区，不符合要求",
				"the parent 620171 of a county is a zone"},
			{"an unknown zone", func() error {
				_, err := db.Zone(ctx, "629999")
				return err
			}, store.ErrNotFound,
				"开发区 629999 不存在",
				"zone 629999"},
			{"a 包抓 leader without a department", func() error {
				return db.PutFollowupLeaders(ctx, alice, []store.FollowupLeader{{ProjectID: "P1", Leader: "张三"}})
			}, store.ErrInvalid,
				"P1：包抓领导和牵头部门须同时填写",
				"P1: a 包抓 leader needs the leading department, and the other way round"},
			{"a release in month 13", func() error {
				return db.PutMonitorReleases(ctx, alice, []store.Release{{Year: 2025, Month: 13, Day: day(2026, 1, 20)}})
			}, store.ErrInvalid,
				"发布日程 2025-13：需要 1–12 的月份和发布日期",
				"release 2025-13: a month 1–12 and a day are required"},
			{"figures of an unknown unit and a bad period", func() error {
				_, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import", Source: "gdp.xlsx"},
					[]store.Observation{obs("999999", "gdp", "2023", 1), obs("620121", "gdp", "2023-X", 2)})
				return err
			}, store.ErrInvalid,
				"导入的数据有误：第 1 行：未知的单位 999999；第 2 行：期间 2023-X 无效",
				"row 1: unknown unit 999999; row 2: bad period 2023-X"},
			{"a check rule naming an unknown indicator", func() error {
				_, err := db.PutCheckRule(ctx, alice, workflow.Rule{Name: "合计", Kind: workflow.KindSum, Severity: workflow.Hard,
					Indicator: "gdp", Parts: []string{"rev", "gdp2"}, Threshold: 0.01, Lo: math.NaN(), Hi: math.NaN(), Enabled: true})
				return err
			}, store.ErrInvalid,
				`核查规则 "合计" 引用的指标 gdp2 不存在`,
				`rule "合计" names indicator gdp2`},
			{"a backup of another schema", func() error {
				return db.Restore(ctx, alice, strings.NewReader(`{"qiangxian_backup":1,"schema":1}`+"\n"))
			}, store.ErrConflict,
				fmt.Sprintf("备份的数据库结构版本为 1，本数据库为 %d：请先迁移数据库", store.LatestSchemaVersion()),
				fmt.Sprintf("the backup has schema 1, this database %d: migrate first", store.LatestSchemaVersion())},
			{"a username with a space", func() error {
				_, err := db.CreateUser(ctx, alice, store.User{Username: "a b", PasswordHash: "x"})
				return err
			}, store.ErrInvalid,
				`用户名 "a b" 无效（1–64 个字符，不含空格）`,
				`username "a b" (1–64 characters, no spaces)`},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				err := c.change()
				if !errors.Is(err, c.kind) {
					t.Fatalf("err = %v, want %v", err, c.kind)
				}
				var r *store.Refusal
				if !errors.As(err, &r) {
					t.Fatalf("err = %v: no Refusal in the chain", err)
				}
				if zh, ok := store.ReaderText(err, locale.ZH); !ok || zh != c.zh {
					t.Errorf("Chinese = %q, %v\nwant      %q", zh, ok, c.zh)
				}
				if en, ok := store.ReaderText(err, locale.EN); !ok || en != c.en {
					t.Errorf("English = %q, %v\nwant      %q", en, ok, c.en)
				}
				// The log's text is unchanged: the kind, then the English
				// (and the lookup's own error, for the rule).
				if want := c.kind.Error() + ": " + c.en; !strings.Contains(err.Error(), want) {
					t.Errorf("Error() = %q, want it to end with %q", err.Error(), want)
				}
			})
		}
	})
}

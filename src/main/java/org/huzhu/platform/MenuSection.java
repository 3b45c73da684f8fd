package org.huzhu.platform;

/** The headings of the workbench's left menu, in the order it shows them. */
public enum MenuSection {
    WORK("工作"),
    INTAKE("受理"),
    AUDIT("审核"),
    SUPERVISION("督办"),
    RULES("规则与流程"),
    FINANCE("财务"),
    SYSTEM("系统管理");

    private final String label;

    MenuSection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

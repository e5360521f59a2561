import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks `option` in the antd select labelled `label`, as a person would: open it (or type `search` into it),
 * click the option, and see the select show it. A click that lands while the list is still opening (its
 * motion, the virtual list measuring itself) can be lost, as it was in CI more than once, leaving the list
 * open over the dialog's buttons; so the choice is retried until the select shows it and the list is closed.
 */
export async function chooseOption(
  page: Page,
  label: string,
  option: string,
  { within = page, search }: { within?: Page | Locator; search?: string } = {},
): Promise<void> {
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const combobox = within.getByRole('combobox', { name: label });
  // `has` is resolved inside each .ant-select, so it takes the unscoped form of the combobox locator
  const select = within.locator('.ant-select', { has: page.getByRole('combobox', { name: label }) });
  // a list still closing from the previous choice would take the click
  await expect(openList).toHaveCount(0);
  await expect(async () => {
    if ((await openList.count()) === 0) {
      if (search === undefined) await combobox.click();
      else await combobox.fill(search);
    }
    await openList.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 2_000 });
    await expect(select).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(openList).toHaveCount(0);
}

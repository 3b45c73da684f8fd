/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Huzhu: Tasklist 7.24's shipped config.js with four changes, everything else as shipped
// (options not set here keep the defaults built into Tasklist):
// - the app's name in Chinese (the header shows "<vendor> <name>");
// - only our own Chinese locale (locales/zh.json), so that Tasklist speaks Chinese whatever
//   language the browser asks for; Tasklist picks the browser's first language when it is
//   listed and offers no switch of its own, so listing "en" would give English to an auditor
//   whose browser happens to be set to English;
// - scripts/payment-deadline.js, which shows the payment deadline in working days on each
//   task card (an ES module the app imports; no inline script);
// - the shortcut descriptions, which Tasklist shows as they are written here, in Chinese.
export default {
  app: {
    name: '任务列表'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  customScripts: ['scripts/payment-deadline'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '转到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '转到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '转到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};

<#-- Sign in: one form, then "forgot password" and "register". The field takes a username or an e-mail address
     whatever the realm's registration uses (demo and roster accounts have usernames, self-registered ones e-mails). -->
<#import "template.ftl" as layout>
<#import "passkeys.ftl" as passkeys>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <#if realm.password>
            <form id="kc-form-login" class="form" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post">
                <#if !usernameHidden??>
                    <div class="field">
                        <label for="username">${msg("usernameOrEmail")}</label>
                        <input id="username" class="input" name="username" value="${(login.username!'')}" type="text"
                               autofocus autocapitalize="none" spellcheck="false"
                               autocomplete="${(enableWebAuthnConditionalUI?has_content)?then('username webauthn', 'username')}"
                               <#if messagesPerField.existsError('username','password')>aria-invalid="true" aria-describedby="input-error"</#if>>
                    </div>
                </#if>
                <div class="field">
                    <label for="password">${msg("password")}</label>
                    <div class="input-group">
                        <input id="password" class="input" name="password" type="password" autocomplete="current-password"
                               <#if messagesPerField.existsError('username','password')>aria-invalid="true" aria-describedby="input-error"</#if>>
                        <button class="pw-toggle" type="button" aria-label="${msg("showPassword")}"
                                aria-controls="password" data-password-toggle
                                data-icon-show="pw-show" data-icon-hide="pw-hide"
                                data-label-show="${msg('showPassword')}" data-label-hide="${msg('hidePassword')}">
                            <i class="pw-show" aria-hidden="true"></i>
                        </button>
                    </div>
                </div>
                <#if messagesPerField.existsError('username','password')>
                    <p id="input-error" class="field-error" aria-live="polite">
                        ${kcSanitize(messagesPerField.getFirstError('username','password'))?no_esc}
                    </p>
                </#if>
                <#if realm.rememberMe && !usernameHidden??>
                    <label class="check"><input id="rememberMe" name="rememberMe" type="checkbox" <#if login.rememberMe??>checked</#if>> ${msg("rememberMe")}</label>
                </#if>
                <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>>
                <button class="button primary block" name="login" id="kc-login" type="submit">${msg("doLogIn")}</button>
                <#if realm.resetPasswordAllowed>
                    <p class="options"><a id="kc-forgot" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a></p>
                </#if>
            </form>
        </#if>
        <@passkeys.conditionalUIData />
        <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    <#elseif section = "info">
        <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
            <p id="kc-registration">${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></p>
        </#if>
    <#elseif section = "socialProviders">
        <#if realm.password && social?? && social.providers?has_content>
            <div id="kc-social-providers">
                <h2>${msg("identity-provider-login-label")}</h2>
                <ul class="social">
                    <#list social.providers as p>
                        <li><a id="social-${p.alias}" class="button secondary block" href="${p.loginUrl}">${p.displayName!}</a></li>
                    </#list>
                </ul>
            </div>
        </#if>
    </#if>
</@layout.registrationLayout>
